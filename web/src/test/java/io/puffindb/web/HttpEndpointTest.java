package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.demo.GenerationProgress;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP contract of the embedded service: answers, error codes and statuses, over real loopback HTTP. */
class HttpEndpointTest {
    @TempDir
    static Path lake;
    static EmbeddedService service;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @BeforeAll
    static void start() throws Exception {
        service = EmbeddedService.start(config(Duration.ofMinutes(5)), GenerationProgress.SILENT);
        // A table the demo does not have: NULLs, odd text and a type PuffinDB does not read yet.
        Path misc = Files.createDirectories(lake.resolve("misc").resolve("odd"));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT 1 AS id, CAST(1 AS UBIGINT) AS xs) TO '" + misc.resolve("a.parquet") + "' (FORMAT parquet)");
        }
    }

    static PuffinConfig config(Duration timeout) {
        return PuffinConfig.embedded(lake, 0, 2).withQueryTimeout(timeout).withMaxRequestBytes(4096);
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/v1/query")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> query(String sql) throws Exception {
        return post(json.writeValueAsString(Map.of("sql", sql)));
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }

    static JsonNode error(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body()).path("error");
    }

    @Test
    void answersColumnsRowsAndStatsWithExactDecimalsIsoDatesAndNulls() throws Exception {
        HttpResponse<String> response = query(
                "select o_orderkey, o_totalprice, o_orderdate, cast(null as varchar) as nothing from orders where o_orderkey = 1");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json.readTree(response.body());
        assertEquals("[{\"name\":\"o_orderkey\",\"type\":\"BIGINT\"},{\"name\":\"o_totalprice\",\"type\":\"DECIMAL(15,2)\"},"
                + "{\"name\":\"o_orderdate\",\"type\":\"DATE\"},{\"name\":\"nothing\",\"type\":\"VARCHAR\"}]", body.get("columns").toString());
        JsonNode row = body.get("rows").get(0);
        assertEquals(1, row.get(0).asLong());
        assertTrue(row.get(1).isBigDecimal(), "DECIMAL is an exact JSON number");
        assertEquals(2, row.get(1).decimalValue().scale());
        assertTrue(row.get(2).asText().matches("\\d{4}-\\d{2}-\\d{2}"), row.get(2).asText());
        assertTrue(row.get(3).isNull());
        assertEquals(1, body.get("stats").get("rows").asLong());
        assertTrue(body.get("stats").has("elapsedMs") && body.get("stats").has("planMs"));
    }

    @Test
    void answersAnArrowStreamWhenAskedForOne() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/v1/query"))
                .header("Accept", "application/vnd.apache.arrow.stream")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sql\": \"select l_orderkey, l_extendedprice from lineitem\"}"))
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        long rows = 0;
        BigDecimal total = BigDecimal.ZERO;
        try (BufferAllocator allocator = new RootAllocator(); ArrowStreamReader reader = new ArrowStreamReader(response.body(), allocator)) {
            while (reader.loadNextBatch()) {
                rows += reader.getVectorSchemaRoot().getRowCount();
                org.apache.arrow.vector.DecimalVector prices = (org.apache.arrow.vector.DecimalVector) reader.getVectorSchemaRoot().getVector(1);
                for (int i = 0; i < prices.getValueCount(); i++) {
                    total = total.add(prices.getObject(i));
                }
            }
        }
        assertEquals(60_175, rows);
        JsonNode sum = json.readTree(query("select sum(l_extendedprice) from lineitem").body()).get("rows").get(0).get(0);
        assertEquals(sum.decimalValue(), total);
    }

    @Test
    void parseErrorIs400WithLineAndColumn() throws Exception {
        HttpResponse<String> response = query("select *\nfrom lineitem\nwhere l_orderkey = = 1");
        assertEquals(400, response.statusCode());
        assertEquals("PARSE_ERROR", error(response).get("code").asText());
        assertEquals(3, error(response).get("line").asInt());
        assertEquals(18, error(response).get("column").asInt()); // Calcite points at the start of "= ="
    }

    @Test
    void unknownTableIs404NamingIt() throws Exception {
        HttpResponse<String> response = query("select * from no_such_table");
        assertEquals(404, response.statusCode());
        assertEquals("TABLE_NOT_FOUND", error(response).get("code").asText());
        assertTrue(error(response).get("message").asText().contains("no_such_table"));
    }

    @Test
    void unknownColumnIs400WithLineAndColumn() throws Exception {
        HttpResponse<String> response = query("select l_nope\nfrom lineitem");
        assertEquals(400, response.statusCode());
        assertEquals("VALIDATION_ERROR", error(response).get("code").asText());
        assertEquals(1, error(response).get("line").asInt());
        assertEquals(8, error(response).get("column").asInt());
        assertTrue(error(response).get("message").asText().contains("l_nope"));
    }

    @Test
    void unsupportedColumnTypeIsNamed() throws Exception {
        HttpResponse<String> response = query("select * from misc.odd");
        assertEquals(400, response.statusCode());
        assertEquals("UNSUPPORTED_TYPE", error(response).get("code").asText());
        assertTrue(error(response).get("message").asText().contains("'xs'"), error(response).toString());
    }

    @Test
    void oversizedRequestIs413() throws Exception {
        HttpResponse<String> response = query("select 1 -- " + "x".repeat(5000));
        assertEquals(413, response.statusCode());
        assertEquals("REQUEST_TOO_LARGE", error(response).get("code").asText());
    }

    @Test
    void requestThatIsNotJsonIs400() throws Exception {
        HttpResponse<String> response = post("select 1");
        assertEquals(400, response.statusCode());
        assertEquals("BAD_REQUEST", error(response).get("code").asText());
    }

    @Test
    void unknownEndpointIs404WithJsonError() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v1/nope")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
        assertTrue(error(response).has("message"));
    }

    @Test
    void explainAnswersTheTreeAndTheText() throws Exception {
        String sql = URLEncoder.encode("select count(*) from orders where o_orderdate > date '1995-01-01'", StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v1/explain?sql=" + sql)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode explanation = json.readTree(response.body());
        JsonNode root = explanation.get("plan");
        assertEquals("TierAggregate", root.get("operator").asText());
        assertEquals("count(*)", root.get("label").asText());
        assertEquals(1.0, root.get("estimatedRows").asDouble());
        JsonNode scan = root;
        while (scan.get("inputs").size() > 0) {
            scan = scan.get("inputs").get(0);
        }
        assertEquals("TierTableScan", scan.get("operator").asText());
        assertEquals(15_000.0, scan.get("estimatedRows").asDouble());
        assertEquals("o_orderkey", scan.get("rowType").get(0).get("name").asText());
        assertTrue(explanation.get("text").asText().contains("TierFilter"));
        assertTrue(explanation.get("logicalText").asText().contains("LogicalFilter"));
        assertTrue(explanation.get("duckDbSql").asText().contains("read_parquet"));

        HttpResponse<String> text = http.send(HttpRequest.newBuilder(uri("/v1/explain?format=text&sql=" + sql)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(text.body().contains("WHERE o_orderdate > DATE '1995-01-01'"), "the text labels operators in SQL terms: " + text.body());
    }

    @Test
    void aRecursiveCteRunsWholeOnTheMonostoreAsDuckDbsWithRecursive() throws Exception {
        String sql = "with recursive seq(n) as (select 1 union all select n + 1 from seq where n < 3)\nselect n from seq order by n";
        HttpResponse<String> response = query(sql);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json.readTree(response.body());
        assertEquals("[{\"name\":\"n\",\"type\":\"INTEGER\"}]", body.get("columns").toString());
        assertEquals("[[1],[2],[3]]", body.get("rows").toString());

        HttpResponse<String> text = http.send(HttpRequest.newBuilder(uri("/v1/explain?format=text&sql=" + URLEncoder.encode(sql, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(text.body().contains("WITH RECURSIVE seq: UNION ALL"), text.body());
        assertTrue(text.body().contains("WITH RECURSIVE \"seq\" (\"n\")"), "the fragment runs as DuckDB's recursive CTE: " + text.body());
    }

    @Test
    void healthAnswersOk() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("ok", json.readTree(response.body()).get("status").asText());
    }

    @Test
    void queryPastItsDeadlineFailsWith504() throws Exception {
        try (EmbeddedService impatient = EmbeddedService.start(
                config(Duration.ofMillis(300)), GenerationProgress.SILENT)) {
            String sql = "select count(*) from lineitem a, lineitem b where a.l_orderkey + b.l_orderkey = 7";
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + impatient.port() + "/v1/query"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("sql", sql)))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(504, response.statusCode(), response.body());
            assertEquals("DEADLINE_EXCEEDED", error(response).get("code").asText());
        }
    }

    static final String SLOW_SQL = "select count(*) from lineitem a, lineitem b where a.l_orderkey + b.l_orderkey = 7";

    static RawHttp.Response raw(String requestLine, String headers, String body) throws Exception {
        return RawHttp.send(service.port(), requestLine, "Host: 127.0.0.1:" + service.port() + "\r\n" + headers, body);
    }

    @Test
    void textPlainPostIs415NamingTheFix() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v1/query")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sql\": \"select 1\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, response.statusCode(), response.body());
        assertEquals("UNSUPPORTED_MEDIA_TYPE", error(response).get("code").asText());
        assertTrue(error(response).get("message").asText().contains("Content-Type: application/json"), response.body());
    }

    @Test
    void aFormPostLikeCurlDashDIs415() throws Exception {
        RawHttp.Response response = raw("POST /v1/query HTTP/1.1", "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 19\r\n",
                "{\"sql\": \"select 1\"}");
        assertEquals(415, response.status(), response.body());
        assertEquals("UNSUPPORTED_MEDIA_TYPE", response.json().path("error").path("code").asText());
    }

    @Test
    void anotherHostIsRefusedWithJson() throws Exception {
        RawHttp.Response response = RawHttp.send(service.port(), "GET /v1/queries HTTP/1.1", "Host: rebound.attacker.example\r\n", "");
        assertEquals(400, response.status(), response.body());
        assertTrue(response.json().path("error").path("message").asText().contains("rebound.attacker.example"), response.body());
        for (String own : List.of("localhost:" + service.port(), "LocalHost", "[::1]:" + service.port(), "127.0.0.1")) {
            assertEquals(200, RawHttp.send(service.port(), "GET /health HTTP/1.1", "Host: " + own + "\r\n", "").status(), own);
        }
    }

    @Test
    void noCorsHeadersUnlessConfigured() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v1/queries")).header("Origin", "https://page.example").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), response.headers().toString());
    }

    @Test
    void theHttpSocketIsOnLoopback() {
        assertTrue(service.http().boundAddress().getAddress().isLoopbackAddress(), service.http().boundAddress().toString());
    }

    @Test
    void bindingBeyondLoopbackWithoutUsersRefusesToStart() {
        PuffinConfig open = config(Duration.ofMinutes(1)).withHttp(HttpSettings.loopback().withBind("0.0.0.0"));
        PuffinException refused = assertThrows(PuffinException.class, () -> EmbeddedService.start(open, GenerationProgress.SILENT).close());
        assertTrue(refused.getMessage().contains("without authentication"), refused.getMessage());
    }

    @Test
    void jettysOwnErrorsAreJson() throws Exception {
        RawHttp.Response longUri = raw("GET /v1/queries/" + "x".repeat(20_000) + " HTTP/1.1", "", "");
        assertEquals(414, longUri.status(), longUri.head());
        assertEquals("REQUEST_TOO_LARGE", longUri.json().path("error").path("code").asText());

        RawHttp.Response bigHeaders = raw("GET /health HTTP/1.1", "X-Big: " + "y".repeat(20_000) + "\r\n", "");
        assertEquals(431, bigHeaders.status(), bigHeaders.head());
        assertEquals("REQUEST_TOO_LARGE", bigHeaders.json().path("error").path("code").asText());

        RawHttp.Response badLength = raw("POST /v1/query HTTP/1.1", "Content-Type: application/json\r\nContent-Length: twelve\r\n", "{}");
        assertEquals(400, badLength.status(), badLength.head());
        assertEquals("BAD_REQUEST", badLength.json().path("error").path("code").asText());

        RawHttp.Response badPath = raw("GET /v1/%2e%2e/%2e%2e/etc/passwd HTTP/1.1", "", "");
        assertTrue(badPath.status() >= 400 && badPath.status() < 500, badPath.head());
        assertTrue(badPath.json().path("error").has("code"), badPath.body());

        RawHttp.Response unknown = raw("GET /v1/no/such/route HTTP/1.1", "", "");
        assertEquals(404, unknown.status());
        assertEquals("NOT_FOUND", unknown.json().path("error").path("code").asText());
    }

    @Test
    void aLongQueryIdIs400() throws Exception {
        HttpResponse<String> response = post(json.writeValueAsString(Map.of("sql", "select 1", "queryId", "q".repeat(100_000 / 50))));
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(error(response).get("message").asText().contains("queryId"), response.body());
    }

    @Test
    void anUnknownExplainFormatIs400NamingTheFormats() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v1/explain?format=bogus&sql=select%201")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(error(response).get("message").asText().contains("json, text"), response.body());
    }

    @Test
    void progressEventsStreamToAClientThatAcceptsAnything() throws Exception {
        String id = "events-for-anyone";
        java.util.concurrent.CompletableFuture<HttpResponse<String>> slow = http.sendAsync(HttpRequest.newBuilder(uri("/v1/query"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("sql", SLOW_SQL, "queryId", id)))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<InputStream> events = http.send(HttpRequest.newBuilder(uri("/v1/queries/" + id + "/events")).header("Accept", "*/*").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
            assertEquals(200, events.statusCode());
            assertTrue(events.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"), events.headers().toString());
            assertEquals("event: progress", lines.readLine());
            assertTrue(lines.readLine().contains("\"queryId\":\"" + id + "\""));
        } finally {
            HttpResponse<String> cancel = http.send(HttpRequest.newBuilder(uri("/v1/queries/" + id)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, cancel.statusCode(), "the cancel: " + cancel.body());
        }
        assertEquals(499, slow.get().statusCode(), slow.get().body());
    }
}
