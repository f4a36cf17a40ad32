package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.parser.SqlDescribeDuckDb;
import io.puffindb.calcite.parser.SqlExplainQuery;
import io.puffindb.calcite.parser.SqlShowTables;
import io.puffindb.executors.LiteralRows.Column;
import io.puffindb.lake.LakeColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * DuckDB's statements that answer about the catalog or a plan rather than the lake's rows: SHOW TABLES,
 * SHOW ALL TABLES, DESCRIBE (a table or a query) and EXPLAIN [ANALYZE]. Each becomes a query over
 * literal rows with DuckDB's column names and types, so its answer reaches every interface (JSON,
 * Arrow, Flight SQL, the CLI) as any query's does.
 */
final class StatementAnswers {
    private static final String VARCHAR = "VARCHAR";
    private static final List<Column> DESCRIBE_COLUMNS = List.of(new Column("column_name", VARCHAR), new Column("column_type", VARCHAR),
            new Column("null", VARCHAR), new Column("key", VARCHAR), new Column("default", VARCHAR), new Column("extra", VARCHAR));
    private static final List<Column> EXPLAIN_COLUMNS = List.of(new Column("explain_key", VARCHAR), new Column("explain_value", VARCHAR));
    // DuckDB's SHOW ALL TABLES also lists column_names and column_types, as LISTs, which answers cannot carry yet.
    private static final List<Column> ALL_TABLES_COLUMNS = List.of(new Column("database", VARCHAR), new Column("schema", VARCHAR),
            new Column("name", VARCHAR), new Column("temporary", "BOOLEAN"));
    // The database the lake's own schema folders belong to (a table-format catalog's tables belong to the catalog).
    private static final String LAKE_DATABASE = "lake";

    /** What answering needs from the executor: a query's columns and its plan. */
    interface Planner {
        List<LakeColumn> describe(String sql);

        Explanation explain(String sql);

        Explanation explainAnalyze(String sql);
    }

    private final Planner planner;

    StatementAnswers(Planner planner) {
        this.planner = requireNonNull(planner, "planner is null");
    }

    /** The query that answers {@code parsed} (parsed from {@code sql}), when it is one of these statements. */
    Optional<String> answer(String sql, SqlNode parsed, CalciteSchema root, List<String> defaultSchema) {
        if (parsed instanceof SqlShowTables show) {
            return Optional.of(show.all() ? allTables(root) : tables(root, defaultSchema));
        }
        if (parsed instanceof SqlDescribeDuckDb describe && !describe.summarizes()) {
            return Optional.of(describe(planner.describe(target(sql, describe))));
        }
        if (parsed instanceof SqlExplainQuery explain) {
            String query = from(sql, explain.getParserPosition(), explain.queryStart(), "");
            Explanation plan = explain.analyze() ? planner.explainAnalyze(query) : planner.explain(query);
            String key = explain.analyze() ? "analyzed_plan" : "physical_plan";
            return Optional.of(new LiteralRows(EXPLAIN_COLUMNS, List.of(List.of(LiteralRows.text(key), LiteralRows.text(ExplainText.render(plan))))).query());
        }
        return Optional.empty();
    }

    private static String tables(CalciteSchema root, List<String> defaultSchema) {
        CalciteSchema schema = root;
        for (String name : defaultSchema) {
            schema = schema == null ? null : schema.getSubSchema(name, true);
        }
        List<List<String>> rows = new ArrayList<>();
        if (schema != null) {
            new TreeSet<>(schema.getTableNames()).forEach(table -> rows.add(List.of(LiteralRows.text(table))));
        }
        return new LiteralRows(List.of(new Column("name", VARCHAR)), rows).query();
    }

    private static String allTables(CalciteSchema root) {
        List<List<String>> rows = new ArrayList<>();
        for (String schemaName : new TreeSet<>(root.getSubSchemaMap().keySet())) {
            CalciteSchema schema = root.getSubSchema(schemaName, true);
            new TreeSet<>(schema.getTableNames()).forEach(table -> rows.add(tableRow(LAKE_DATABASE, schemaName, table)));
            // A table-format catalog: its namespaces hold the tables.
            for (String namespace : new TreeSet<>(schema.getSubSchemaMap().keySet())) {
                new TreeSet<>(schema.getSubSchema(namespace, true).getTableNames()).forEach(table -> rows.add(tableRow(schemaName, namespace, table)));
            }
        }
        return new LiteralRows(ALL_TABLES_COLUMNS, rows).query();
    }

    private static List<String> tableRow(String database, String schema, String table) {
        return List.of(LiteralRows.text(database), LiteralRows.text(schema), LiteralRows.text(table), "FALSE");
    }

    private static String describe(List<LakeColumn> columns) {
        List<List<String>> rows = columns.stream()
                .map(column -> List.of(LiteralRows.text(column.name()), LiteralRows.text(column.duckDbType()), LiteralRows.text("YES"), "NULL", "NULL", "NULL"))
                .toList();
        return new LiteralRows(DESCRIBE_COLUMNS, rows).query();
    }

    /**
     * The query a DESCRIBE or SUMMARIZE statement is about, in the caller's own text: a table is read as
     * FROM-first's "FROM table", written over the statement's keyword, so the name keeps its place.
     */
    static String target(String sql, SqlDescribeDuckDb statement) {
        return from(sql, statement.getParserPosition(), statement.targetStart(), statement.describesTable() ? "FROM" : "");
    }

    /** The statement that starts at {@code start}, in the caller's own text (what comes before it blanked out). */
    static String following(String sql, SqlParserPos start) {
        return from(sql, start, start, "");
    }

    /** The answer to a USE: the schema now in use, as the catalog spells it. */
    static String schema(List<String> schemaPath) {
        return new LiteralRows(List.of(new Column("schema", VARCHAR)), List.of(List.of(LiteralRows.text(String.join(".", schemaPath))))).query();
    }

    /**
     * The statement's own text from its target's position on (the table name or query as the caller wrote
     * it), with what comes before blanked out and {@code lead} written over the statement's keyword: every
     * position in it is the caller's, so an error in the table name or the query names the line and column
     * the caller sees.
     */
    private static String from(String sql, SqlParserPos keyword, SqlParserPos target, String lead) {
        int keywordAt = offset(sql, keyword);
        int targetAt = offset(sql, target);
        StringBuilder text = new StringBuilder(sql.length());
        for (int i = 0; i < targetAt; i++) {
            char c = sql.charAt(i);
            text.append(c == '\n' || c == '\r' ? c : ' ');
        }
        text.replace(keywordAt, keywordAt + lead.length(), lead);
        return text.append(sql, targetAt, sql.length()).toString();
    }

    private static int offset(String sql, SqlParserPos position) {
        int offset = 0;
        for (int line = 1; line < position.getLineNum(); line++) {
            offset = sql.indexOf('\n', offset) + 1;
        }
        return offset + position.getColumnNum() - 1;
    }
}
