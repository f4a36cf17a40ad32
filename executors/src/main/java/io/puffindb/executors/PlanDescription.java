package io.puffindb.executors;

import java.util.List;

/**
 * One operator of a placed plan as EXPLAIN shows it: its tier and fragment, what it does in SQL terms
 * ({@code label}: column names and the user's aliases) and in Calcite's ({@code details}: field indexes),
 * its estimated rows, bytes and cost (seconds, this node alone), and its inputs. Exchanges name their kind.
 */
public record PlanDescription(String operator, String tier, int fragment, String label, String details, List<ColumnDescription> rowType,
        double estimatedRows, double estimatedBytes, double estimatedCost, String exchangeKind, List<PlanDescription> inputs) {
    public PlanDescription {
        rowType = List.copyOf(rowType);
        inputs = List.copyOf(inputs);
    }

    /** This operator and every one below it, depth first. */
    public List<PlanDescription> allNodes() {
        List<PlanDescription> all = new java.util.ArrayList<>();
        all.add(this);
        inputs.forEach(input -> all.addAll(input.allNodes()));
        return all;
    }

    /** A column: its name and its SQL type. */
    public record ColumnDescription(String name, String type) {
    }
}
