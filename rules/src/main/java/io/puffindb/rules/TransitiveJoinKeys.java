package io.puffindb.rules;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.ImmutableIntList;

/**
 * Adds to each inner multi-way join the key equalities its conditions imply: {@code a = b AND a = c} also
 * joins b with c. Join ordering only joins inputs through conditions that name both, so without the
 * implied key it may join two inputs on a poor condition alone: in TPC-H Q2 the decorrelated minimum per part
 * met partsupp on the supply cost only (an estimated 2.5 billion rows), since its part key was equated with
 * part's, not partsupp's. The added equalities hold wherever the originals do, so answers do not change.
 */
final class TransitiveJoinKeys {
    private TransitiveJoinKeys() {
    }

    /** The plan with the implied key equalities added to its inner multi-joins. */
    static RelNode add(RelNode plan) {
        List<RelNode> inputs = plan.getInputs().stream().map(TransitiveJoinKeys::add).toList();
        RelNode rebuilt = inputs.equals(plan.getInputs()) ? plan : plan.copy(plan.getTraitSet(), inputs);
        return rebuilt instanceof MultiJoin join && isInner(join) ? withImpliedKeys(join) : rebuilt;
    }

    private static boolean isInner(MultiJoin join) {
        return !join.isFullOuterJoin() && join.getJoinTypes().stream().allMatch(type -> type == JoinRelType.INNER);
    }

    private static RelNode withImpliedKeys(MultiJoin join) {
        List<RelNode> inputs = join.getInputs();
        Map<Integer, Integer> parents = new HashMap<>();
        Set<List<Integer>> stated = new HashSet<>();
        for (RexNode conjunct : RexUtil.flattenAnd(List.of(join.getJoinFilter()))) {
            if (conjunct.getKind() == SqlKind.EQUALS && conjunct instanceof RexCall equals
                    && equals.getOperands().get(0) instanceof RexInputRef left && equals.getOperands().get(1) instanceof RexInputRef right
                    && SqlTypeUtil.equalSansNullability(join.getCluster().getTypeFactory(), left.getType(), right.getType())) {
                parents.put(root(parents, left.getIndex()), root(parents, right.getIndex()));
                stated.add(List.of(Math.min(left.getIndex(), right.getIndex()), Math.max(left.getIndex(), right.getIndex())));
            }
        }
        Map<Integer, TreeSet<Integer>> classes = new TreeMap<>();
        for (Integer field : List.copyOf(parents.keySet())) {
            classes.computeIfAbsent(root(parents, field), key -> new TreeSet<>()).add(field);
        }
        classes.forEach((root, members) -> members.add(root));
        RexBuilder rex = join.getCluster().getRexBuilder();
        List<RexNode> implied = new ArrayList<>();
        Map<Integer, int[]> references = join.getCopyJoinFieldRefCountsMap();
        for (TreeSet<Integer> members : classes.values()) {
            for (Integer first : members) {
                for (Integer second : members.tailSet(first, false)) {
                    int firstInput = MultiJoinFields.inputOf(inputs, first);
                    int secondInput = MultiJoinFields.inputOf(inputs, second);
                    if (firstInput != secondInput && !stated.contains(List.of(first, second))) {
                        implied.add(rex.makeCall(SqlStdOperatorTable.EQUALS, RexInputRef.of(first, join.getRowType()), RexInputRef.of(second, join.getRowType())));
                        references.get(firstInput)[first - MultiJoinFields.offsetOf(inputs, firstInput)]++;
                        references.get(secondInput)[second - MultiJoinFields.offsetOf(inputs, secondInput)]++;
                    }
                }
            }
        }
        if (implied.isEmpty()) {
            return join;
        }
        implied.add(0, join.getJoinFilter());
        ImmutableMap.Builder<Integer, ImmutableIntList> counts = ImmutableMap.builder();
        references.forEach((input, fieldCounts) -> counts.put(input, ImmutableIntList.of(fieldCounts)));
        return new MultiJoin(join.getCluster(), inputs, RexUtil.composeConjunction(rex, implied), join.getRowType(), false,
                join.getOuterJoinConditions(), join.getJoinTypes(), join.getProjFields(), counts.build(), join.getPostJoinFilter());
    }

    private static int root(Map<Integer, Integer> parents, int field) {
        int current = field;
        while (parents.containsKey(current) && parents.get(current) != current) {
            current = parents.get(current);
        }
        return current;
    }
}
