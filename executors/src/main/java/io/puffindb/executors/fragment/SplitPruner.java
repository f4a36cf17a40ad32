package io.puffindb.executors.fragment;

import io.puffindb.calcite.LakeCalciteTable;
import io.puffindb.calcite.PrunedTableScan;
import io.puffindb.calcite.SplitPruning;
import io.puffindb.lake.LakeTable;
import io.puffindb.lake.Split;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Leaves out the files a scan's filter cannot match, judged by each file's column statistics
 * (min, max, null count): a filter directly over a lake scan (or over the projection of the columns
 * its query uses) keeps only the files where every conjunct may hold. Runs on the logical plan before
 * placement, so the costs, the fan-out, the rendered SQL and EXPLAIN all see the kept files. The filter
 * itself stays: pruning only skips files, it never decides rows.
 */
public final class SplitPruner {
    private SplitPruner() {
    }

    public static RelNode prune(RelNode node) {
        List<RelNode> inputs = new ArrayList<>();
        for (RelNode input : node.getInputs()) {
            inputs.add(prune(input));
        }
        if (node instanceof Filter filter) {
            if (unprunedLakeScan(inputs.get(0)) instanceof TableScan scan) {
                inputs.set(0, pruned(scan, filter.getCondition()));
            } else if (inputs.get(0) instanceof Project project && unprunedLakeScan(project.getInput()) instanceof TableScan scan) {
                // The filter's condition, read through the projection, is about the scan's columns.
                RexNode condition = RelOptUtil.pushPastProject(filter.getCondition(), project);
                inputs.set(0, project.copy(project.getTraitSet(), List.of(pruned(scan, condition))));
            }
        }
        return inputs.equals(node.getInputs()) ? node : node.copy(node.getTraitSet(), inputs);
    }

    private static RelNode unprunedLakeScan(RelNode node) {
        if (node instanceof TableScan scan && scan.getConvention() == Convention.NONE) {
            LakeCalciteTable table = scan.getTable().unwrap(LakeCalciteTable.class);
            return table != null && table.pruning().isEmpty() ? scan : null;
        }
        return null;
    }

    private static RelNode pruned(TableScan scan, RexNode condition) {
        LakeCalciteTable table = scan.getTable().unwrap(LakeCalciteTable.class);
        LakeTable lakeTable = table.lakeTable();
        RexBuilder rexBuilder = scan.getCluster().getRexBuilder();
        List<RexNode> conjuncts = RelOptUtil.conjunctions(RexUtil.expandSearch(rexBuilder, null, condition));
        FileStatistics statistics = new FileStatistics(lakeTable.columns());
        List<Split> kept = new ArrayList<>();
        Set<String> deciding = new LinkedHashSet<>();
        for (Split split : lakeTable.splits()) {
            RexNode ruledOut = conjuncts.stream().filter(conjunct -> !statistics.mayMatch(conjunct, split)).findFirst().orElse(null);
            if (ruledOut == null) {
                kept.add(split);
            } else {
                deciding.add(statistics.describe(ruledOut));
            }
        }
        if (deciding.isEmpty()) {
            return scan;
        }
        if (kept.isEmpty()) {
            // A relation needs at least one file to have its columns; the filter then returns no rows.
            kept.add(lakeTable.splits().get(0));
        }
        SplitPruning pruning = new SplitPruning(kept, lakeTable.splits().size(), List.copyOf(deciding));
        RelOptTable original = scan.getTable();
        // No expression: these tables are rendered to DuckDB SQL, never compiled to Java.
        RelOptTable prunedTable = RelOptTableImpl.create(original.getRelOptSchema(), original.getRowType(), original.getQualifiedName(),
                table.pruned(pruning), (Expression) null);
        return PrunedTableScan.of(scan.getCluster(), scan.getHints(), prunedTable);
    }
}
