package io.puffindb.calcite.explain;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;

/**
 * What to call each output column of a plan's operators when showing the plan to a person: the
 * column's own name when a user gave or a table has it, and otherwise (Calcite's generated
 * {@code EXPR$1} and {@code $f3}) the expression that computes it, written over its input's names.
 */
public final class ReadableNames {
    private final Map<RelNode, List<String>> known = new IdentityHashMap<>();

    /**
     * Whether a field name is one Calcite made up rather than one from a user's query or a table:
     * EXPR$0, $f3, and the merge step's $f3_sum (a user's own name with a $ is shown as its expression, which reads as well).
     */
    public static boolean isGenerated(String name) {
        return name.contains("$");
    }

    /** The readable name of each of the node's output columns, by index. */
    public List<String> of(RelNode node) {
        List<String> names = known.get(node);
        if (names == null) {
            names = List.copyOf(compute(node));
            known.put(node, names);
        }
        return names;
    }

    /** A renderer of the node's own expressions, over its input's readable names (a join's: both inputs' side by side). */
    public RexText over(RelNode node) {
        List<String> inputs = new ArrayList<>();
        node.getInputs().forEach(input -> inputs.addAll(of(input)));
        return new RexText(inputs, node.getCluster().getRexBuilder());
    }

    private List<String> compute(RelNode node) {
        List<RelDataTypeField> fields = node.getRowType().getFieldList();
        List<String> generated = generatedNames(node);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String own = fields.get(i).getName();
            names.add(isGenerated(own) && generated.get(i) != null ? generated.get(i) : own);
        }
        return names;
    }

    // What each output column is, as an expression, where the node computes or passes it (null where unknown).
    private List<String> generatedNames(RelNode node) {
        int count = node.getRowType().getFieldCount();
        List<String> names = new ArrayList<>();
        if (node instanceof Project project) {
            RexText text = over(project);
            for (RexNode expression : project.getProjects()) {
                names.add(text.render(expression));
            }
        } else if (node instanceof Aggregate aggregate) {
            List<String> input = of(aggregate.getInput());
            aggregate.getGroupSet().forEach(key -> names.add(input.get(key)));
            RexText text = over(aggregate);
            for (AggregateCall call : aggregate.getAggCallList()) {
                names.add(text.aggregate(call));
            }
        } else if (node instanceof SetOp || node.getInputs().size() == 1) {
            // Filter, sort, exchange, window: their input's columns first; a set operation's are named by its first input.
            names.addAll(of(node.getInput(0)));
        } else {
            // A join puts its inputs' columns side by side; a scan's columns are the table's own.
            node.getInputs().forEach(input -> names.addAll(of(input)));
        }
        while (names.size() < count) {
            names.add(null);
        }
        return names.subList(0, count);
    }
}
