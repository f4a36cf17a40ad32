package io.puffindb.executors.stats;

import io.puffindb.calcite.LakeCalciteTable;
import io.puffindb.calcite.LearnedStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * What a query's row count says about a table: when the query is a GROUP BY of plain columns of
 * one lake table, read whole (no filter, join or limit), it returns one row per distinct
 * combination of those columns, so its row count is their distinct count.
 */
public record GroupCount(String tableKey, List<String> columns) {
    public GroupCount {
        columns = List.copyOf(columns);
    }

    /** The group count this logical plan's result measures, if it measures one. */
    public static Optional<GroupCount> of(RelNode logicalRoot) {
        try {
            return measuredBy(logicalRoot);
        } catch (RuntimeException e) {
            // Learning is a by-product: a plan it cannot follow is not a reason to fail the query.
            return Optional.empty();
        }
    }

    private static Optional<GroupCount> measuredBy(RelNode logicalRoot) {
        RelNode node = logicalRoot;
        // Sorting and projecting the groups keeps their number; a LIMIT or OFFSET does not.
        while (node instanceof Project || (node instanceof Sort sort && sort.fetch == null && sort.offset == null)) {
            node = node.getInput(0);
        }
        if (!(node instanceof Aggregate aggregate) || aggregate.getGroupType() != Aggregate.Group.SIMPLE || aggregate.getGroupCount() == 0
                || !readsWholeTable(aggregate.getInput())) {
            return Optional.empty();
        }
        RelMetadataQuery metadata = aggregate.getCluster().getMetadataQuery();
        RelOptTable table = null;
        List<String> columns = new ArrayList<>();
        for (int key : aggregate.getGroupSet()) {
            Set<RelColumnOrigin> origins = metadata.getColumnOrigins(aggregate.getInput(), key);
            if (origins == null || origins.size() != 1) {
                return Optional.empty();
            }
            RelColumnOrigin origin = origins.iterator().next();
            if (origin.isDerived() || (table != null && !table.getQualifiedName().equals(origin.getOriginTable().getQualifiedName()))) {
                return Optional.empty();
            }
            table = origin.getOriginTable();
            columns.add(table.getRowType().getFieldList().get(origin.getOriginColumnOrdinal()).getName());
        }
        LakeCalciteTable lakeTable = table == null ? null : table.unwrap(LakeCalciteTable.class);
        return lakeTable == null ? Optional.empty() : Optional.of(new GroupCount(lakeTable.statisticsKey(), columns));
    }

    /** The Registry's name for the column set. */
    public String columnsKey() {
        return LearnedStatistics.columnsKey(columns);
    }

    // Only projections between the aggregate and one scan: every row of the table is grouped.
    private static boolean readsWholeTable(RelNode node) {
        if (node instanceof TableScan) {
            return true;
        }
        return node instanceof Project && readsWholeTable(node.getInput(0));
    }
}
