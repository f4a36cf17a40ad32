package io.puffindb.rules;

import com.google.common.collect.ImmutableList;
import io.puffindb.calcite.DuckDbTypes;
import io.puffindb.calcite.jdbc.JdbcDatabase;
import io.puffindb.calcite.jdbc.JdbcQueryTable;
import io.puffindb.calcite.jdbc.JdbcSourceTable;
import io.puffindb.calcite.jdbc.JdbcSqlRenderer;
import io.puffindb.lake.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.plan.RelOptSchema;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Hands each largest part of a plan that reads tables of one mounted database, and does only what that
 * database computes exactly as DuckDB would ({@link PortableToDatabase}), to the database: the part becomes
 * a scan of a {@link JdbcQueryTable} whose SQL the database runs, as Calcite's JDBC adapter pushes work
 * into its database. Runs on the logical plan after the rewrites (filters are pushed, unused columns
 * trimmed), before placement, which puts such scans on the MONOSTORE.
 */
public final class JdbcPushdown {
    private static final String SCHEMA = "__jdbc";

    private final AtomicInteger streams = new AtomicInteger();

    private JdbcPushdown() {
    }

    public static RelNode pushDown(RelNode root) {
        JdbcPushdown pushdown = new JdbcPushdown();
        Part part = pushdown.visit(root);
        return part.database().isPresent() ? pushdown.handOver(part.node(), part.database().get()) : part.node();
    }

    // A node, and the database that can compute all of it (empty: it cannot, or reads no database).
    private record Part(RelNode node, Optional<JdbcDatabase> database) {
    }

    private Part visit(RelNode node) {
        if (node instanceof TableScan scan && scan.getTable().unwrap(JdbcSourceTable.class) != null) {
            return new Part(node, Optional.of(scan.getTable().unwrap(JdbcSourceTable.class).database()));
        }
        List<Part> inputs = node.getInputs().stream().map(this::visit).toList();
        Optional<JdbcDatabase> shared = inputs.isEmpty() ? Optional.empty() : inputs.get(0).database();
        boolean oneDatabase = shared.isPresent() && inputs.stream().allMatch(input -> input.database().equals(shared));
        if (oneDatabase && isPortable(node)) {
            return new Part(node, shared);
        }
        List<RelNode> newInputs = new ArrayList<>();
        for (Part input : inputs) {
            newInputs.add(input.database().isPresent() ? handOver(input.node(), input.database().get()) : input.node());
        }
        boolean changed = !newInputs.equals(node.getInputs());
        return new Part(changed ? node.copy(node.getTraitSet(), newInputs) : node, Optional.empty());
    }

    private static boolean isPortable(RelNode node) {
        PortableToDatabase portable = new PortableToDatabase(node.getInputs());
        if (node instanceof LogicalFilter filter) {
            return portable.test(filter.getCondition());
        }
        if (node instanceof LogicalProject project) {
            return project.getProjects().stream().allMatch(portable::test);
        }
        if (node instanceof LogicalJoin join) {
            return join.getJoinType().projectsRight() && portable.test(join.getCondition());
        }
        if (node instanceof LogicalAggregate aggregate) {
            return portable.test(aggregate);
        }
        if (node instanceof LogicalSort sort) {
            return portable.test(sort);
        }
        return false;
    }

    private RelNode handOver(RelNode part, JdbcDatabase database) {
        String stream = "jdbc_" + database.name() + "_" + streams.incrementAndGet();
        List<RelDataType> types = DuckDbAnswerTypes.of(part);
        String sql = JdbcSqlRenderer.render(part, types, database.dialect());
        List<String> names = part.getRowType().getFieldNames();
        List<LakeColumn> columns = IntStream.range(0, names.size())
                .mapToObj(i -> new LakeColumn(names.get(i), DuckDbTypes.toDuckDbName(types.get(i)))).toList();
        Double rows = part.getCluster().getMetadataQuery().getRowCount(part);
        JdbcQueryTable table = new JdbcQueryTable(stream, database, sql, part.getRowType(), columns, rows == null ? 1_000 : rows);
        // No linq4j expression: the table is never compiled into Java code, only rendered as SQL.
        RelOptTableImpl relOptTable = RelOptTableImpl.create(anySchema(part), part.getRowType(), ImmutableList.of(SCHEMA, stream), table,
                (Expression) null);
        return LogicalTableScan.create(part.getCluster(), relOptTable, ImmutableList.of());
    }

    private static RelOptSchema anySchema(RelNode part) {
        if (part instanceof TableScan scan) {
            return scan.getTable().getRelOptSchema();
        }
        return anySchema(part.getInput(0));
    }
}
