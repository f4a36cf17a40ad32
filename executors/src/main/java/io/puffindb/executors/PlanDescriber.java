package io.puffindb.executors;

import io.puffindb.executors.PlanDescription.ColumnDescription;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.externalize.RelWriterImpl;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.util.Pair;

/** Builds EXPLAIN's tree from a plan: operator, its attributes, row type and estimated rows. */
final class PlanDescriber {
    private PlanDescriber() {
    }

    static Explanation explain(PreparedQuery query) {
        RelNode root = query.plan().root();
        return new Explanation(describe(root, root.getCluster().getMetadataQuery()),
                RelOptUtil.toString(root, SqlExplainLevel.EXPPLAN_ATTRIBUTES), query.duckDbSql());
    }

    private static PlanDescription describe(RelNode node, RelMetadataQuery metadata) {
        List<ColumnDescription> columns = node.getRowType().getFieldList().stream()
                .map(PlanDescriber::column)
                .toList();
        Double rows = metadata.getRowCount(node);
        List<PlanDescription> inputs = node.getInputs().stream().map(input -> describe(input, metadata)).toList();
        return new PlanDescription(node.getRelTypeName(), attributes(node), columns, rows == null ? Double.NaN : rows, inputs);
    }

    private static ColumnDescription column(RelDataTypeField field) {
        return new ColumnDescription(field.getName(), field.getType().getFullTypeString());
    }

    // The node's own attributes (condition, expressions, group keys), without its inputs.
    private static String attributes(RelNode node) {
        StringBuilder text = new StringBuilder();
        node.explain(new RelWriterImpl(new java.io.PrintWriter(java.io.Writer.nullWriter()), SqlExplainLevel.EXPPLAN_ATTRIBUTES, false) {
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
