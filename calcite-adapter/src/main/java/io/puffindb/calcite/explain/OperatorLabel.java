package io.puffindb.calcite.explain;

import io.puffindb.calcite.LakeCalciteTable;
import io.puffindb.calcite.SplitPruning;
import io.puffindb.calcite.tier.AggregatePhase;
import io.puffindb.calcite.tier.TierAggregate;
import io.puffindb.calcite.tier.TierExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.util.Util;

/**
 * An operator of a plan in SQL terms, for a person reading the plan: {@code WHERE l_returnflag = 'R'},
 * {@code INNER JOIN ON o_orderkey = l_orderkey}, {@code GROUP BY n_name: sum(l_extendedprice) AS revenue},
 * with column names and the user's aliases in place of Calcite's {@code $N} and generated names.
 */
public final class OperatorLabel {
    private final ReadableNames names = new ReadableNames();

    /** The operator's own work (not its inputs'), in SQL terms; empty for an operator with nothing to say. */
    public String of(RelNode node) {
        if (node instanceof TierExchange exchange) {
            return exchange(exchange);
        }
        if (node instanceof TableScan scan) {
            Optional<SplitPruning> pruning = Optional.ofNullable(scan.getTable().unwrap(LakeCalciteTable.class)).flatMap(LakeCalciteTable::pruning);
            return String.join(".", scan.getTable().getQualifiedName()) + pruning.map(p -> " (pruned to " + p.describe() + ")").orElse("");
        }
        if (node instanceof Filter filter) {
            return "WHERE " + names.over(filter).render(filter.getCondition());
        }
        if (node instanceof Project project) {
            return "SELECT " + project(project);
        }
        if (node instanceof Aggregate aggregate) {
            return aggregate(aggregate);
        }
        if (node instanceof Join join) {
            return join.getJoinType().name() + " JOIN ON " + names.over(join).render(join.getCondition());
        }
        if (node instanceof Sort sort) {
            return sort(sort);
        }
        if (node instanceof SetOp setOp) {
            return setOp.kind.sql + (setOp.all ? " ALL" : "");
        }
        if (node instanceof RepeatUnion union) {
            return "WITH RECURSIVE " + Util.last(union.getTransientTable().getQualifiedName()) + ": UNION" + (union.all ? " ALL" : "");
        }
        if (node instanceof Values values) {
            return "VALUES (" + values.getTuples().size() + " row" + (values.getTuples().size() == 1 ? "" : "s") + ")";
        }
        return "";
    }

    private String exchange(TierExchange exchange) {
        String keys = exchange.keys().stream().map(names.of(exchange.getInput())::get).collect(Collectors.joining(", "));
        return exchange.kind() + (keys.isEmpty() ? "" : " BY " + keys) + " " + exchange.from() + " → " + exchange.tier();
    }

    // Each item as written in a select list: a bare column, or an expression with the alias the user gave it.
    private String project(Project project) {
        RexText text = names.over(project);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < project.getProjects().size(); i++) {
            items.add(aliased(text.render(project.getProjects().get(i)), project.getRowType().getFieldNames().get(i)));
        }
        return String.join(", ", items);
    }

    private String aggregate(Aggregate aggregate) {
        List<String> input = names.of(aggregate.getInput());
        RexText text = names.over(aggregate);
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < aggregate.getAggCallList().size(); i++) {
            calls.add(aliased(text.aggregate(aggregate.getAggCallList().get(i)), aggregate.getRowType().getFieldNames().get(aggregate.getGroupCount() + i)));
        }
        String groups = aggregate.getGroupSet().asList().stream().map(input::get).collect(Collectors.joining(", "));
        String phase = aggregate instanceof TierAggregate tier && tier.phase() != AggregatePhase.SINGLE
                ? tier.phase().name().toLowerCase(Locale.ROOT) + " " : "";
        String grouping = groups.isEmpty() ? "" : "GROUP BY " + groups + (calls.isEmpty() ? "" : ": ");
        return phase + grouping + String.join(", ", calls);
    }

    private String sort(Sort sort) {
        List<String> input = names.of(sort.getInput());
        RexText text = names.over(sort);
        List<String> parts = new ArrayList<>();
        if (!sort.getCollation().getFieldCollations().isEmpty()) {
            parts.add("ORDER BY " + sort.getCollation().getFieldCollations().stream()
                    .map(key -> input.get(key.getFieldIndex()) + (key.getDirection() == RelFieldCollation.Direction.DESCENDING ? " DESC" : ""))
                    .collect(Collectors.joining(", ")));
        }
        if (sort.fetch != null) {
            parts.add("LIMIT " + text.render(sort.fetch));
        }
        if (sort.offset != null) {
            parts.add("OFFSET " + text.render(sort.offset));
        }
        return String.join(" ", parts);
    }

    private static String aliased(String expression, String alias) {
        return expression.equals(alias) || ReadableNames.isGenerated(alias) ? expression : expression + " AS " + alias;
    }
}
