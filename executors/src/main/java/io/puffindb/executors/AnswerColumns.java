package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The columns of a query's answer: each one's name, and which of the plan's output columns it shows
 * (the plan may order columns otherwise than DuckDB does, as for {@code *} over a join {@code USING}).
 */
public record AnswerColumns(List<String> names, List<Integer> planColumns) {
    public AnswerColumns {
        names = List.copyOf(names);
        planColumns = List.copyOf(requireNonNull(planColumns, "planColumns is null"));
        if (names.size() != planColumns.size()) {
            throw new IllegalArgumentException("names " + names + " do not match the plan's columns " + planColumns);
        }
    }

    /** Names for the plan's columns, in the plan's order. */
    public static AnswerColumns inPlanOrder(List<String> names) {
        return new AnswerColumns(names, IntStream.range(0, names.size()).boxed().toList());
    }

    /** The plan's column that answer column {@code i} shows. */
    public int planColumn(int i) {
        return planColumns.get(i);
    }

    public int size() {
        return names.size();
    }

    /** Whether the answer shows the plan's columns in another order than the plan's. */
    public boolean reordered() {
        return !planColumns.equals(inPlanOrder(names).planColumns());
    }
}
