package io.puffindb.executors;

import io.puffindb.calcite.LakeCalciteTable;
import io.puffindb.calcite.LogicalPlan;
import io.puffindb.calcite.PuffinDuckDbDialect;
import io.puffindb.calcite.through.RemoteThroughTable;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.SqlLiterals;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The names an answer's columns carry: the names DuckDB gives the user's SQL, whatever the plan that
 * computes it (the SQL the tiers run is another text, which DuckDB would name otherwise). A small
 * in-memory DuckDB, with no access to files, holds empty tables shaped like those the query reads
 * and prepares the query's text without running it. Where DuckDB cannot read the text, Calcite's
 * validated names stand.
 */
public final class ResultNames implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResultNames.class);

    private final DuckDBConnection duckdb;
    // Each declared table's qualified name and the columns it was declared with: a table changes shape when its files do.
    private final Map<List<String>, String> declared = new HashMap<>();
    private final Set<String> attached = new HashSet<>();

    public ResultNames() {
        Properties settings = new Properties();
        settings.setProperty("enable_external_access", "false");
        settings.setProperty("threads", "1");
        try {
            this.duckdb = DriverManager.getConnection("jdbc:duckdb:", settings).unwrap(DuckDBConnection.class);
        } catch (SQLException e) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, "The DuckDB that names result columns did not start: " + e.getMessage(), e);
        }
    }

    /**
     * The texts of a query to ask DuckDB, best first: the caller's own, then the parsed query (its
     * THROUGH clauses resolved) in DuckDB's dialect. Taken before validation, which rewrites the tree.
     * None where DuckDB's names would not line up with the plan's columns: a {@code *} over a join
     * {@code USING} or {@code NATURAL}, whose columns Calcite orders as the SQL standard does (the
     * shared ones first) and DuckDB in the left table's place.
     */
    public static List<String> texts(String sql, SqlNode parsed, SqlNode resolved) {
        if (starOverUsingJoin(resolved)) {
            return List.of();
        }
        Optional<String> rendered = render(resolved);
        List<String> texts = new ArrayList<>();
        if (resolved == parsed) {
            texts.add(sql); // no THROUGH: DuckDB reads the caller's text itself
        }
        rendered.ifPresent(texts::add);
        return texts;
    }

    /**
     * DuckDB's names for the first of {@code texts} it can prepare over the tables {@code plan} reads
     * (unqualified names resolving in {@code defaultSchema}), else the plan's validated names.
     */
    public synchronized List<String> of(List<String> texts, LogicalPlan plan, List<String> defaultSchema) {
        List<String> validated = plan.columnNames();
        if (texts.isEmpty()) {
            return validated;
        }
        try {
            declareTables(plan.root(), defaultSchema);
        } catch (SQLException e) {
            LOG.warn("Could not declare the tables of a query to name its columns, Calcite's names stand: {}", e.getMessage());
            return validated;
        }
        for (String text : texts) {
            try (PreparedStatement statement = duckdb.prepareStatement(text)) {
                ResultSetMetaData columns = statement.getMetaData();
                List<String> names = new ArrayList<>(columns.getColumnCount());
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    names.add(columns.getColumnName(i));
                }
                if (names.size() == validated.size()) {
                    return names;
                }
                LOG.warn("DuckDB names {} columns {} where the plan has {} {}: trying the next text of the query", names.size(), names,
                        validated.size(), validated);
            } catch (SQLException e) {
                LOG.debug("DuckDB cannot prepare {}: {}", text, e.getMessage());
            }
        }
        return validated;
    }

    private void declareTables(RelNode root, List<String> defaultSchema) throws SQLException {
        List<TableScan> scans = new ArrayList<>();
        collectScans(root, scans);
        try (Statement statement = duckdb.createStatement()) {
            ensureSchema(statement, defaultSchema);
            for (TableScan scan : scans) {
                RelOptTable table = scan.getTable();
                List<String> name = table.getQualifiedName();
                Optional<List<LakeColumn>> columns = columnsOf(table);
                if (columns.isEmpty() || name.size() < 2 || name.size() > 3) {
                    continue; // not a table DuckDB could name a column of differently from the plan
                }
                String definitions = columns.get().stream().map(column -> SqlLiterals.identifier(column.name()) + " " + column.duckDbType())
                        .collect(Collectors.joining(", "));
                if (definitions.equals(declared.get(name))) {
                    continue;
                }
                ensureSchema(statement, name.subList(0, name.size() - 1));
                statement.execute("CREATE OR REPLACE TABLE " + qualified(name) + " (" + definitions + ")");
                declared.put(List.copyOf(name), definitions);
            }
            statement.execute("USE " + qualified(defaultSchema));
        }
    }

    // A schema is [schema] in DuckDB's own catalog, or [catalog, schema] in an in-memory catalog attached under that name.
    private void ensureSchema(Statement statement, List<String> schema) throws SQLException {
        if (schema.size() == 2 && attached.add(schema.get(0))) {
            statement.execute("ATTACH ':memory:' AS " + SqlLiterals.identifier(schema.get(0)));
        }
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + qualified(schema));
    }

    private static Optional<List<LakeColumn>> columnsOf(RelOptTable table) {
        LakeCalciteTable lake = table.unwrap(LakeCalciteTable.class);
        if (lake != null) {
            return Optional.of(lake.lakeTable().columns());
        }
        RemoteThroughTable remote = table.unwrap(RemoteThroughTable.class);
        return remote == null ? Optional.empty() : Optional.of(remote.columns());
    }

    private static String qualified(List<String> name) {
        return name.stream().map(SqlLiterals::identifier).collect(Collectors.joining("."));
    }

    // Every scan of the plan, those of its subqueries (still expressions before decorrelation) included.
    private static void collectScans(RelNode node, List<TableScan> scans) {
        if (node instanceof TableScan scan) {
            scans.add(scan);
        }
        node.getInputs().forEach(input -> collectScans(input, scans));
        node.accept(new RexShuttle() {
            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                collectScans(subQuery.rel, scans);
                return subQuery;
            }
        });
    }

    private static Optional<String> render(SqlNode query) {
        try {
            return Optional.of(query.toSqlString(config -> config.withDialect(PuffinDuckDbDialect.INSTANCE).withIndentation(0)).getSql());
        } catch (RuntimeException e) {
            LOG.debug("Could not render a query in DuckDB's dialect to name its columns: {}", e.toString());
            return Optional.empty();
        }
    }

    private static boolean starOverUsingJoin(SqlNode query) {
        boolean[] star = {false};
        boolean[] using = {false};
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlSelect select) {
                    star[0] |= select.getSelectList().stream().anyMatch(item -> item instanceof SqlIdentifier identifier && identifier.isStar());
                }
                if (call instanceof SqlJoin join) {
                    using[0] |= join.isNatural() || join.getConditionType() == JoinConditionType.USING;
                }
                return super.visit(call);
            }
        });
        return star[0] && using[0];
    }

    @Override
    public void close() {
        try {
            duckdb.close();
        } catch (SQLException e) {
            LOG.warn("Closing the DuckDB that names result columns failed: {}", e.getMessage());
        }
    }
}
