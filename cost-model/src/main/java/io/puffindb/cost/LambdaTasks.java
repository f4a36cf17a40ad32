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

    static int estimate(RelNode node, int splitsPerTask) {
        RelNode concrete = node instanceof RelSubset subset ? subset.getOriginal() : node;
        if (concrete == null) {
            return 1;
        }
        if (concrete instanceof TableScan scan) {
            LakeCalciteTable table = scan.getTable().unwrap(LakeCalciteTable.class);
            return table == null ? 1 : Math.max(1, (table.lakeTable().splits().size() + splitsPerTask - 1) / splitsPerTask);
        }
        int tasks = 1;
        for (RelNode input : concrete.getInputs()) {
            tasks = Math.max(tasks, estimate(input, splitsPerTask));
        }
        return tasks;
    }
}
