package io.puffindb.calcite;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableSpool;

/**
 * Readies a recursive CTE's plan for the tiers. Calcite converts {@code WITH RECURSIVE} into a
 * repeat-union whose two inputs are spools writing the transient table the iterative part scans; a
 * tier runs the whole repeat-union as DuckDB's {@code WITH RECURSIVE}, where DuckDB keeps that table
 * itself, so the spools are dropped and the repeat-union reads its inputs directly.
 */
final class RecursiveUnions {
    private RecursiveUnions() {
    }

    static RelNode withoutSpools(RelNode plan) {
        return plan.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                return other instanceof TableSpool spool ? spool.getInput().accept(this) : super.visit(other);
            }
        });
    }
}
