package io.puffindb.executors;

import io.puffindb.calcite.LakeCalciteTable;
import io.puffindb.calcite.LogicalPlan;
import io.puffindb.calcite.jdbc.JdbcSourceTable;
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
import java.util.Locale;
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
    private final Set<List<String>> schemas = new HashSet<>();
    private List<String> currentSchema = List.of();

    public ResultNames() {
        Properties settings = new Properties();
        settings.setProperty("enable_external_access", "false");
        settings.setProperty("threads", "1");
        try {
            this.duckdb = DriverManager.getConnection("jdbc:duckdb:", settings).unwrap(DuckDBConnection.class);
            try (Statement statement = duckdb.createStatement()) {
                // Names come from binding; optimizing plans that never run would only cost time.
                statement.execute("PRAGMA disable_optimizer");
            }
        } catch (SQLException e) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, "The DuckDB that names result columns did not start: " + e.getMessage(), e);
        }
    }

    /**
     * DuckDB's columns for the first of the question's texts it can prepare over the tables {@code plan}
     * reads (unqualified names resolving in {@code defaultSchema}), else the plan's validated names.
     */
    public synchronized AnswerColumns of(NamingQuestion question, LogicalPlan plan, List<String> defaultSchema) {
        AnswerColumns validated = AnswerColumns.inPlanOrder(plan.columnNames());
        try {
            declareTables(plan.root(), defaultSchema);
        } catch (SQLException e) {
            LOG.warn("Could not declare the tables of a query to name its columns, Calcite's names stand: {}", e.getMessage());
            return validated;
        }
        for (String text : question.texts()) {
            Optional<List<String>> names = duckDbNames(text);
            if (names.isEmpty()) {
                continue;
            }
            if (names.get().size() != validated.size()) {
                LOG.warn("DuckDB names {} columns {} where the plan has {} {}: trying the next text of the query", names.get().size(), names.get(),
                        validated.size(), validated.names());
                continue;
            }
            if (!question.starOverUsingJoin() || samePlaces(names.get(), validated.names())) {
                return AnswerColumns.inPlanOrder(names.get());
            }
            Optional<AnswerColumns> matched = matchByName(names.get(), validated.names());
            if (matched.isPresent()) {
                return matched.get();
            }
            LOG.info("A * over a join USING whose columns DuckDB names {} cannot be matched to the plan's {}: the plan's names stand",
                    names.get(), validated.names());
            return validated;
        }
        return validated;
    }

    private Optional<List<String>> duckDbNames(String text) {
        try (PreparedStatement statement = duckdb.prepareStatement(text)) {
            ResultSetMetaData columns = statement.getMetaData();
            List<String> names = new ArrayList<>(columns.getColumnCount());
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                names.add(columns.getColumnName(i));
            }
            return Optional.of(names);
        } catch (SQLException e) {
            LOG.debug("DuckDB cannot prepare {}: {}", text, e.getMessage());
            return Optional.empty();
        }
    }

    // Whether DuckDB's columns are the plan's in the plan's order: each name the plan's (case aside), or
    // the plan's made unique (city0 for a second city), or one the validator made up for an expression.
    private static boolean samePlaces(List<String> duckDb, List<String> plan) {
        for (int i = 0; i < duckDb.size(); i++) {
            String planName = plan.get(i).toLowerCase(Locale.ROOT);
            String duckDbName = duckDb.get(i).toLowerCase(Locale.ROOT);
            boolean same = planName.equals(duckDbName) || planName.startsWith("expr$")
                    || planName.startsWith(duckDbName) && planName.substring(duckDbName.length()).matches("\\d+");
            if (!same) {
                return false;
            }
        }
        return true;
    }

    // DuckDB's columns as the plan's, each found by its name (case aside, as identifiers are), when every
    // name on either side is unique: then the two differ only in order.
    private static Optional<AnswerColumns> matchByName(List<String> duckDb, List<String> plan) {
        List<String> duckDbKeys = duckDb.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        List<String> planKeys = plan.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        if (new HashSet<>(duckDbKeys).size() != duckDbKeys.size() || !new HashSet<>(duckDbKeys).equals(new HashSet<>(planKeys))) {
            return Optional.empty();
        }
        return Optional.of(new AnswerColumns(duckDb, duckDbKeys.stream().map(planKeys::indexOf).toList()));
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
            if (!defaultSchema.equals(currentSchema)) {
                statement.execute("USE " + qualified(defaultSchema));
                currentSchema = List.copyOf(defaultSchema);
            }
        }
    }

    // A schema is [schema] in DuckDB's own catalog, or [catalog, schema] in an in-memory catalog attached under that name.
    private void ensureSchema(Statement statement, List<String> schema) throws SQLException {
        if (schemas.contains(schema)) {
            return;
        }
        if (schema.size() == 2 && attached.add(schema.get(0))) {
            statement.execute("ATTACH ':memory:' AS " + SqlLiterals.identifier(schema.get(0)));
        }
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + qualified(schema));
        schemas.add(List.copyOf(schema));
    }

    private static Optional<List<LakeColumn>> columnsOf(RelOptTable table) {
        LakeCalciteTable lake = table.unwrap(LakeCalciteTable.class);
        if (lake != null) {
            return Optional.of(lake.lakeTable().columns());
        }
        JdbcSourceTable database = table.unwrap(JdbcSourceTable.class);
        if (database != null) {
            return Optional.of(database.columns());
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

    @Override
    public void close() {
        try {
            duckdb.close();
        } catch (SQLException e) {
            LOG.warn("Closing the DuckDB that names result columns failed: {}", e.getMessage());
        }
    }
}
