package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.lake.demo.GenerationProgress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB's EXPLAIN, DESCRIBE and SHOW statements through {@code POST /v1/query}, as a user sends them: answers
 * in DuckDB's columns, EXPLAIN's the same text as {@code /v1/explain}, DESCRIBE's the same rows, in the same
 * order, as DuckDB alone gives over the same files, and errors at the caller's own line and column.
 */
class DuckDbStatementsTest {
    @TempDir
    static Path lake;
    static EmbeddedService service;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2), GenerationProgress.SILENT);
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    private static HttpResponse<String> query(String sql) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/v1/query")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("sql", sql)))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }

    private static JsonNode answer(String sql) throws Exception {
        HttpResponse<String> response = query(sql);
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private static List<String> names(JsonNode answer) {
        List<String> names = new ArrayList<>();
        answer.get("columns").forEach(column -> names.add(column.get("name").asText()));
        return names;
    }

    @Test
    void explainAnswersTheExplainEndpointsTextAsARow() throws Exception {
        String sql = "select o_orderpriority, count(*) as n from orders where o_orderdate > date '1995-01-01' group by all";
        JsonNode explained = answer("EXPLAIN " + sql + ";");
        assertEquals(List.of("explain_key", "explain_value"), names(explained));
        HttpResponse<String> endpoint = http.send(HttpRequest.newBuilder(uri("/v1/explain?format=text&sql=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, endpoint.statusCode(), endpoint.body());
        assertEquals(1, explained.get("rows").size());
        assertEquals("physical_plan", explained.get("rows").get(0).get(0).asText());
        assertEquals(endpoint.body(), explained.get("rows").get(0).get(1).asText());
    }

    @Test
    void explainAnalyzeRunsTheQueryAndSaysWhatItsTasksDid() throws Exception {
        JsonNode explained = answer("explain analyze select count(*) as n from lineitem where l_quantity > 10");
        assertEquals("analyzed_plan", explained.get("rows").get(0).get(0).asText());
        assertTrue(explained.get("rows").get(0).get(1).asText().contains("Actual: 1 rows"), explained.toString());
    }

    @Test
    void describeAnswersDuckDbsRowsInTheTablesColumnOrder() throws Exception {
        List<List<String>> expected = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement();
                ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + lake.resolve("tpch/partsupp/*.parquet") + "')")) {
            while (rows.next()) {
                expected.add(List.of(rows.getString("column_name"), rows.getString("column_type"), rows.getString("null")));
            }
        }
        JsonNode described = answer("DESCRIBE partsupp");
        assertEquals(List.of("column_name", "column_type", "null", "key", "default", "extra"), names(described));
        List<List<String>> actual = new ArrayList<>();
        described.get("rows").forEach(row -> actual.add(List.of(row.get(0).asText(), row.get(1).asText(), row.get(2).asText())));
        assertEquals(expected, actual);
        assertTrue(described.get("rows").get(0).get(3).isNull());
    }

    @Test
    void showAllTablesListsTheLakesAndTheCatalogsTables() throws Exception {
        JsonNode tables = answer("SHOW ALL TABLES");
        assertEquals(List.of("database", "schema", "name", "temporary"), names(tables));
        List<String> listed = new ArrayList<>();
        tables.get("rows").forEach(row -> listed.add(row.get(0).asText() + "." + row.get(1).asText() + "." + row.get(2).asText()));
        assertTrue(listed.contains("lake.tpch.lineitem"), listed.toString());
        assertTrue(listed.contains("iceberg.tpch.lineitem"), listed.toString());
    }

    @Test
    void aRequestsSchemaIsWhereItsUnqualifiedNamesResolve() throws Exception {
        JsonNode used = answer("use MISC");
        assertEquals(List.of("schema"), names(used));
        assertEquals("[[\"misc\"]]", used.get("rows").toString(), "the schema as the catalog spells it");
        HttpResponse<String> inMisc = http.send(HttpRequest.newBuilder(uri("/v1/query")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("sql", "show tables", "schema", "misc")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, inMisc.statusCode(), inMisc.body());
        assertTrue(json.readTree(inMisc.body()).get("rows").toString().contains("\"people\""), inMisc.body());
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(uri("/v1/query")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("sql", "select 1", "schema", "nowhere")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("nowhere"), unknown.body());
    }

    @Test
    void anErrorInsideTheStatementNamesTheCallersLineAndColumn() throws Exception {
        HttpResponse<String> unknown = query("DESCRIBE\n  no_such_table");
        assertEquals(404, unknown.statusCode(), unknown.body());
        JsonNode error = json.readTree(unknown.body()).get("error");
        assertEquals(2, error.get("line").asInt(), unknown.body());
        assertEquals(3, error.get("column").asInt(), unknown.body());
        HttpResponse<String> misspelt = query("explain select n_nam from nation");
        assertEquals(400, misspelt.statusCode(), misspelt.body());
        assertEquals(16, json.readTree(misspelt.body()).get("error").get("column").asInt(), misspelt.body());
    }
}
