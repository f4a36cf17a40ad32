package io.puffindb.executors;

import io.puffindb.calcite.explain.OperatorLabel;
import io.puffindb.calcite.through.RemoteThroughTable;
import io.puffindb.calcite.tier.TierExchange;
import io.puffindb.calcite.tier.TierTableScan;
import io.puffindb.calcite.tier.TierRel;
import io.puffindb.executors.PlanDescription.ColumnDescription;
import io.puffindb.executors.fragment.Fragment;
import io.puffindb.executors.fragment.FragmentSql;
import io.puffindb.lake.Split;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.externalize.RelWriterImpl;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.util.Pair;

/** Builds EXPLAIN's answer from a placed plan: tiers, estimates and costs per node, SQL per fragment. */
final class PlanDescriber {
    private PlanDescriber() {
    }

    static Explanation explain(PreparedQuery query, Optional<QueryStats> stats, Long actualRows, Long elapsedMillis) {
        Fragment root = query.rootFragment();
        RelMetadataQuery metadata = root.root().getCluster().getMetadataQuery();
        List<FragmentDescription> fragments = new ArrayList<>();
        describeFragments(root, query, stats, fragments);
        return new Explanation(answerNamed(describe(root, root.root(), metadata, new OperatorLabel()), query.answerColumns()), textOf(root), RelOptUtil.toString(query.plan().root(),
                SqlExplainLevel.EXPPLAN_ATTRIBUTES), fragments, sqlOf(root, stats), actualRows, elapsedMillis);
    }

    // The plan's root produces the answer, so it shows the answer's columns (its own are the rendered SQL's).
    private static PlanDescription answerNamed(PlanDescription root, Optional<AnswerColumns> answer) {
        if (answer.isEmpty() || answer.get().size() != root.rowType().size()) {
            return root;
        }
        List<ColumnDescription> columns = new ArrayList<>();
        for (int i = 0; i < answer.get().size(); i++) {
            columns.add(new ColumnDescription(answer.get().names().get(i), root.rowType().get(answer.get().planColumn(i)).type()));
        }
        return new PlanDescription(root.operator(), root.tier(), root.fragment(), root.label(), root.details(), columns, root.estimatedRows(),
                root.estimatedBytes(), root.estimatedCost(), root.exchangeKind(), root.inputs());
    }

    // What the engine ran, once the query ran (it may read in-memory tables instead of files); else what it would run.
    private static String sqlOf(Fragment fragment, Optional<QueryStats> stats) {
        return stats.flatMap(s -> s.sqlOf(fragment.id())).orElseGet(() -> FragmentSql.render(fragment));
    }

    private static String textOf(Fragment root) {
        return RelOptUtil.toString(root.root(), SqlExplainLevel.ALL_ATTRIBUTES);
    }

    private static void describeFragments(Fragment fragment, PreparedQuery query, Optional<QueryStats> stats, List<FragmentDescription> out) {
        List<List<Split>> shares = fragment.taskShares(query.metadata().parameters()::splitsPerTask);
        int tasks = fragment.byKey().isPresent() ? query.workers().size() : shares.size();
        String sql = fragment.fanOutScan().isPresent() ? FragmentSql.render(fragment, shares.get(0)) : sqlOf(fragment, stats);
        out.add(new FragmentDescription(fragment.id(), fragment.tier().name(), sql, tasks,
                fragment.inputs().stream().map(input -> input.name() + " <- fragment " + input.source().id() + " (" + input.exchange().kind() + ")").toList(),
                stats.map(s -> s.tasksOf(fragment.id())).orElse(List.of()), stats.flatMap(s -> s.engineReadsOf(fragment.id())).orElse(null)));
        for (Fragment.Input input : fragment.inputs()) {
            describeFragments(input.source(), query, stats, out);
        }
    }

    private static PlanDescription describe(Fragment fragment, RelNode node, RelMetadataQuery metadata, OperatorLabel labels) {
        List<ColumnDescription> columns = node.getRowType().getFieldList().stream().map(PlanDescriber::column).toList();
        List<PlanDescription> inputs = new ArrayList<>();
        for (RelNode input : node.getInputs()) {
            inputs.add(describe(fragmentOf(fragment, node, input), input, metadata, labels));
        }
        Double rows = metadata.getRowCount(node);
        Double rowSize = metadata.getAverageRowSize(node);
        RelOptCost cost = metadata.getNonCumulativeCost(node);
        String tier = node instanceof TierRel tierRel ? tierRel.tier().name() : "NONE";
        String kind = node instanceof TierExchange exchange ? exchange.kind().name() : null;
        double estimatedRows = rows == null ? Double.NaN : rows;
        String details = attributes(node);
        String label = labels.of(node);
        if (node instanceof TierTableScan scan && scan.pin().isPresent()) {
            details += ", pinned=" + scan.pin().get();
            label += " (pinned to " + scan.pin().get() + ")";
        }
        if (node instanceof TableScan scan && scan.getTable().unwrap(RemoteThroughTable.class) != null) {
            String endpoint = scan.getTable().unwrap(RemoteThroughTable.class).endpoint().text();
            details += ", through=" + endpoint;
            label += " THROUGH '" + endpoint + "'";
        }
        return new PlanDescription(node.getRelTypeName(), tier, fragment.id(), label, details, columns, estimatedRows,
                rowSize == null ? Double.NaN : estimatedRows * rowSize, cost == null ? Double.NaN : cost.getCpu(), kind, inputs);
    }

    // Below an exchange the nodes belong to the fragment that produces its rows.
    private static Fragment fragmentOf(Fragment fragment, RelNode parent, RelNode input) {
        if (parent instanceof TierExchange exchange) {
            return fragment.inputs().stream().filter(each -> each.exchange() == exchange).findFirst().orElseThrow().source();
        }
        return fragment;
    }

    private static ColumnDescription column(RelDataTypeField field) {
        return new ColumnDescription(field.getName(), field.getType().getFullTypeString());
    }

    // The node's own attributes (condition, expressions, group keys), without its inputs.
    private static String attributes(RelNode node) {
        StringBuilder text = new StringBuilder();
        node.explain(new RelWriterImpl(new PrintWriter(Writer.nullWriter()), SqlExplainLevel.EXPPLAN_ATTRIBUTES, false) {
            @Override
            protected void explain_(RelNode rel, List<Pair<String, Object>> values) {
                for (Pair<String, Object> value : values) {
                    if (value.right instanceof RelNode) {
                        continue;
                    }
                    if (!text.isEmpty()) {
                        text.append(", ");
                    }
                    text.append(value.left).append('=').append(value.right);
                }
            }
        });
        return text.toString();
    }
}
