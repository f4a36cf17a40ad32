package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.puffindb.calcite.jdbc.JdbcDatabase;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.lake.demo.TpchLakeGenerator;
import io.puffindb.lake.store.S3Settings;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import io.puffindb.web.StorageConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL database (the real one on 127.0.0.1:5432) mounted as schema {@code pg} beside the
 * lake: TPC-H's customer, orders, supplier, nation and region live in PostgreSQL, lineitem, part and
 * partsupp in the lake's Parquet files. Every TPC-H query, reading those five tables from PostgreSQL,
 * answers as DuckDB alone over the Parquet files of all eight; what stays within PostgreSQL is sent
 * to it as one query, which EXPLAIN shows.
 */
class FederationTest {
    private static final String DATABASE = "puffindb_federation";
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final List<String> IN_POSTGRES = List.of("customer", "orders", "supplier", "nation", "region");
    // A table name where FROM lists name tables (not a column alias such as Q9's "nation").
    private static final Pattern TABLE_NAMES = Pattern.compile("(?<=(?:from|join|,)\\s{1,20})(" + String.join("|", IN_POSTGRES) + ")\\b");

    @TempDir
    static Path lake;
    @TempDir
    static Path caches;
    static EmbeddedService service;
    static PuffinClient client;
    static Oracle oracle;
    static BufferAllocator allocator;

    @BeforeAll
    static void start() throws Exception {
        Path tpch = lake.resolve("tpch");
        new TpchLakeGenerator(0.01).generate(tpch, GenerationProgress.SILENT);
        try (Connection postgres = DriverManager.getConnection(SERVER + "postgres?user=postgres"); Statement statement = postgres.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Connection postgres = DriverManager.getConnection(SERVER + DATABASE + "?user=postgres&reWriteBatchedInserts=true")) {
            for (String table : IN_POSTGRES) {
                copy(duckdb, postgres, table, tpch.resolve(table));
            }
        }
        try (Connection postgres = DriverManager.getConnection(SERVER + DATABASE + "?user=postgres"); Statement statement = postgres.createStatement()) {
            // A schema beside the default one: SQL names its tables pg.sales.<table>.
            statement.execute("CREATE SCHEMA sales");
            statement.execute("CREATE TABLE sales.returns (r_orderkey INTEGER, r_amount DECIMAL(12,2))");
            statement.execute("INSERT INTO sales.returns VALUES (1, 10.50), (2, 20.25), (3, 5.00)");
        }
        StorageConfig storage = new StorageConfig(S3Settings.AWS_DEFAULTS, caches, 1L << 30, 1L << 30, List.of())
                .withDatabase(new JdbcDatabase("pg", SERVER + DATABASE, Optional.of("postgres"), Optional.empty()));
        service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withLake(lake.toString(), storage), GenerationProgress.SILENT);
        client = new PuffinClient(URI.create("http://127.0.0.1:" + service.port()));
        allocator = new RootAllocator();
        oracle = new Oracle(lake, "tpch");
        // DuckDB alone reads pg.<table> from the same Parquet files the PostgreSQL tables were loaded from.
        oracle.attach(tpch, "pg");
    }

    // The table as DuckDB reads it from its Parquet files, created in PostgreSQL with the same column types.
    private static void copy(Connection duckdb, Connection postgres, String table, Path folder) throws Exception {
        String rows = "SELECT * FROM read_parquet('" + folder + "/*.parquet')";
        List<String> columns = new ArrayList<>();
        try (Statement statement = duckdb.createStatement(); ResultSet described = statement.executeQuery("DESCRIBE " + rows)) {
            while (described.next()) {
                String type = described.getString("column_type");
                columns.add(described.getString("column_name") + " " + (type.equals("DOUBLE") ? "DOUBLE PRECISION" : type));
            }
        }
        try (Statement statement = postgres.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (" + String.join(", ", columns) + ")");
        }
        String insert = "INSERT INTO " + table + " VALUES (" + String.join(", ", columns.stream().map(column -> "?").toList()) + ")";
        try (Statement statement = duckdb.createStatement(); ResultSet source = statement.executeQuery(rows);
                PreparedStatement target = postgres.prepareStatement(insert)) {
            int width = source.getMetaData().getColumnCount();
            while (source.next()) {
                for (int i = 1; i <= width; i++) {
                    target.setObject(i, source.getObject(i));
                }
                target.addBatch();
            }
            target.executeBatch();
        }
        try (Statement statement = postgres.createStatement()) {
            statement.execute("ANALYZE " + table);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try (AutoCloseable a = allocator; AutoCloseable o = oracle; AutoCloseable s = service) {
            // closed in reverse order
        }
    }

    @Test
    void everyTpchQueryReadingFiveTablesFromPostgresEqualsDuckDbAlone() throws Exception {
        CaseChecker checker = new CaseChecker(client, oracle, allocator);
        List<String> failures = new ArrayList<>();
        for (QueryCase tpch : TpchCases.all()) {
            String federated = TABLE_NAMES.matcher(tpch.sql()).replaceAll("pg.$1");
            checker.failure(QueryCase.adhoc(federated)).ifPresent(failure -> failures.add(tpch.name() + ": " + failure));
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    @Test
    void filtersProjectionsAndJoinsWithinPostgresAreSentToIt() throws Exception {
        String sql = "SELECT c_name, o_orderdate, sum(l_extendedprice) AS revenue FROM pg.customer JOIN pg.orders ON c_custkey = o_custkey "
                + "JOIN lineitem ON l_orderkey = o_orderkey WHERE c_mktsegment = 'BUILDING' AND o_orderdate < DATE '1995-03-15' "
                + "GROUP BY c_name, o_orderdate ORDER BY revenue DESC, c_name LIMIT 10";
        String plan = service.executor().explain(sql).text();
        String pushed = pushedSql(plan);
        assertTrue(pushed.contains("\"c_mktsegment\" = 'BUILDING'") && pushed.contains("JOIN"), pushed);
        assertTrue(pushed.contains("\"o_orderdate\" < DATE '1995-03-15'"), pushed);
        // Only the columns the query uses leave PostgreSQL.
        assertFalse(pushed.contains("c_comment") || pushed.contains("o_comment") || pushed.contains("c_address"), pushed);
        assertEquals(Optional.empty(), new CaseChecker(client, oracle, allocator).failure(QueryCase.adhoc(sql)));
    }

    @Test
    void anAggregateOfPostgresRowsIsComputedThere() throws Exception {
        String sql = "SELECT o_orderstatus, count(*) AS orders, sum(o_totalprice) AS total, avg(o_totalprice) AS mean "
                + "FROM pg.orders GROUP BY o_orderstatus";
        String plan = service.executor().explain(sql).text();
        String pushed = pushedSql(plan);
        assertTrue(pushed.contains("GROUP BY"), pushed);
        assertEquals(Optional.empty(), new CaseChecker(client, oracle, allocator).failure(QueryCase.adhoc(sql)), pushed);
    }

    // The SQL EXPLAIN shows for the (one) part sent to PostgreSQL.
    private static String pushedSql(String plan) {
        int start = plan.indexOf("database=[pg], sql=[");
        assertTrue(start >= 0, plan);
        return plan.substring(start, plan.indexOf("]):", start));
    }

    @Test
    void theDatabasesTablesAreListedWithTheirColumnsAsTheLakesAre() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/v1/tables")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        Map<String, Integer> columnsByTable = new TreeMap<>();
        for (JsonNode table : new ObjectMapper().readTree(response.body()).path("tables")) {
            if (table.path("schema").asText().equals("pg")) {
                columnsByTable.put(table.path("name").asText(), table.path("columns").size());
            }
        }
        assertEquals(Map.of("customer", 8, "nation", 4, "orders", 9, "region", 3, "supplier", 7), columnsByTable);
    }

    @Test
    void anotherSchemasTablesAreListedUnderTheDatabaseAsCatalogAndJoinTheLake() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/v1/tables")).build(), HttpResponse.BodyHandlers.ofString());
        List<String> listed = new ArrayList<>();
        for (JsonNode table : new ObjectMapper().readTree(response.body()).path("tables")) {
            if (table.path("catalog").asText("").equals("pg")) {
                listed.add(table.path("schema").asText() + "." + table.path("name").asText() + "/" + table.path("columns").size());
            }
        }
        assertEquals(List.of("sales.returns/2"), listed, "the default schema's tables are listed as pg.<table> alone");
        PuffinClient.Answer answer = client.query(
                "SELECT count(*) AS n, sum(r_amount) AS total FROM pg.sales.returns JOIN orders ON r_orderkey = o_orderkey", allocator);
        assertNull(answer.error(), () -> answer.error().message());
        assertEquals(List.of("n", "total"), answer.result().names());
        assertEquals(List.of("BIGINT", "DECIMAL(38,2)"), answer.result().types(), "the types DuckDB gives count(*) and sum of a DECIMAL(12,2)");
        assertEquals(List.of(List.of(3L, new BigDecimal("35.75"))), answer.result().rows());
    }

    @Test
    void anUnknownTableOfTheDatabaseIsNamedInTheError() throws Exception {
        PuffinClient.Answer answer = client.query("SELECT * FROM pg.no_such_table", allocator);
        assertNotNull(answer.error());
        assertEquals(404, answer.error().status(), answer.error().message());
        assertTrue(answer.error().message().contains("no_such_table"), answer.error().message());
    }
}
