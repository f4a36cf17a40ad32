package io.puffindb.calcite;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;

/** A validated query as Calcite's logical plan, with the names and types its result columns carry. */
public record LogicalPlan(RelNode root, List<String> columnNames, RelDataType rowType) {
    public LogicalPlan {
        requireNonNull(root, "root is null");
        columnNames = List.copyOf(columnNames);
        requireNonNull(rowType, "rowType is null");
    }

    /** The same query as another, equivalent plan (after a rewrite). */
    public LogicalPlan withRoot(RelNode newRoot) {
        return new LogicalPlan(newRoot, columnNames, rowType);
    }
}
