package io.puffindb.cost;

import io.puffindb.calcite.LakeCalciteTable;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

/**
 * How many LAMBDA tasks will run a subtree: one per group of files of the table it fans out over
 * (the largest lake table below it). During planning inputs are sets of equivalent nodes; their
 * first member stands for them.
 */
final class LambdaTasks {
    private LambdaTasks() {
    }

    static int estimate(RelNode node, CostParameters parameters) {
        RelNode concrete = node instanceof RelSubset subset ? subset.getOriginal() : node;
        if (concrete == null) {
            return 1;
        }
        if (concrete instanceof TableScan scan) {
            LakeCalciteTable table = scan.getTable().unwrap(LakeCalciteTable.class);
            return table == null ? 1 : tasks(table.lakeTable().splits().size(), parameters);
        }
        int tasks = 1;
        for (RelNode input : concrete.getInputs()) {
            tasks = Math.max(tasks, estimate(input, parameters));
        }
        return tasks;
    }

    /** How many tasks a scan of {@code splits} files fans out to. */
    static int tasks(int splits, CostParameters parameters) {
        int perTask = parameters.splitsPerTask(Math.max(1, splits));
        return Math.max(1, (splits + perTask - 1) / perTask);
    }
}
