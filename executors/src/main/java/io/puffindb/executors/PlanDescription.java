package io.puffindb.executors;

import java.util.List;

/** One operator of a plan as EXPLAIN shows it, with its inputs. */
public record PlanDescription(String operator, String details, List<ColumnDescription> rowType, double estimatedRows,
        List<PlanDescription> inputs) {
    public PlanDescription {
        rowType = List.copyOf(rowType);
        inputs = List.copyOf(inputs);
    }

    /** A column: its name and its SQL type. */
    public record ColumnDescription(String name, String type) {
    }
}
