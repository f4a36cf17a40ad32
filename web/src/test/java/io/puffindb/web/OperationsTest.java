package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.lake.demo.GenerationProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's view of a service with users: {@code /metrics} read by a strict Prometheus text parser
 * and its counters moving with queries, the history of finished and failed queries per user, and one
 * JSON line on standard output per ended query ({@code --log-format json}).
 */
class OperationsTest {
    static final String ALICE = "alice-token-0123456789";
    static final String BOB = "bob-token-0123456789ab";
    static final String ROOT = "root-token-0123456789ab";

    @TempDir
    static Path folder;
    static EmbeddedService service;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();
    static final ByteArrayOutputStream standardOutput = new ByteArrayOutputStream();
    static PrintStream original;

    @BeforeAll
    static void start() throws Exception {
        Path tokens = Files.writeString(folder.resolve("tokens"), "alice:" + ALICE + "\nbob:" + BOB + "\nroot:" + ROOT + ":admin\n");
        // The service writes its query log to the standard output it finds when it starts.
        original = System.out;
        System.setOut(new PrintStream(standardOutput, true, StandardCharsets.UTF_8));
        service = EmbeddedService.start(PuffinConfig.embedded(folder.resolve("lake"), 0, 1)
                .withHttp(HttpSettings.loopback().withAuthTokenFile(tokens.toString()))
                .withOperations(new OperationsConfig(OperationsConfig.LogFormat.JSON, 50, Optional.of(folder.resolve("history.duckdb")))), GenerationProgress.SILENT);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            service.close();
        } finally {
            System.setOut(original);
        }
    }

    static HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> query(String sql, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/v1/query"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("sql", sql)))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, PrometheusTextParser.Family> metrics() throws Exception {
        HttpResponse<String> response = get("/metrics", ALICE);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        return PrometheusTextParser.parse(response.body());
    }

    static double value(Map<String, PrometheusTextParser.Family> families, String name) {
        return families.get(name).value(name);
    }

    static double observed(Map<String, PrometheusTextParser.Family> families, String histogram) {
        return families.get(histogram).value(histogram + "_count");
    }

    static double failed(Map<String, PrometheusTextParser.Family> families, String code) {
        return families.get("puffindb_queries_failed_total").valueOr("puffindb_queries_failed_total", Map.of("code", code), 0);
    }

    static double bytesCounted(Map<String, PrometheusTextParser.Family> families) {
        PrometheusTextParser.Family staged = families.get("puffindb_staged_file_bytes_total");
        return value(families, "puffindb_lambda_split_bytes_total")
                + staged.valueOr("puffindb_staged_file_bytes_total", Map.of("tier", "MONOSTORE", "source", "cache"), 0)
                + staged.valueOr("puffindb_staged_file_bytes_total", Map.of("tier", "MONOSTORE", "source", "lake"), 0);
    }

    static List<JsonNode> history(String token, String query) throws Exception {
        HttpResponse<String> response = get("/v1/queries?" + query, token);
        assertEquals(200, response.statusCode(), response.body());
        List<JsonNode> queries = new ArrayList<>();
        json.readTree(response.body()).get("queries").forEach(queries::add);
        return queries;
    }

    @Test
    void metricsCountersHistoryAndLogLinesFollowQueries() throws Exception {
        Map<String, PrometheusTextParser.Family> before = metrics();

        HttpResponse<String> grouped = query("select l_returnflag, count(*) as n from lineitem group by l_returnflag", ALICE);
        HttpResponse<String> oneOrder = query("select o_orderkey, o_totalprice from orders where o_orderkey = 1", ALICE);
        HttpResponse<String> broken = query("select from where", ALICE);
        HttpResponse<String> bobs = query("select count(*) from nation", BOB);
        assertEquals(200, grouped.statusCode(), grouped.body());
        assertEquals(200, oneOrder.statusCode(), oneOrder.body());
        assertEquals(400, broken.statusCode(), broken.body());
        assertEquals(200, bobs.statusCode(), bobs.body());

        Map<String, PrometheusTextParser.Family> after = metrics();
        assertEquals(3, value(after, "puffindb_queries_finished_total") - value(before, "puffindb_queries_finished_total"));
        assertEquals(1, failed(after, "PARSE_ERROR") - failed(before, "PARSE_ERROR"));
        assertEquals(4, observed(after, "puffindb_query_duration_seconds") - observed(before, "puffindb_query_duration_seconds"));
        // The parse error never reached a plan.
        assertEquals(3, observed(after, "puffindb_query_planning_seconds") - observed(before, "puffindb_query_planning_seconds"));
        assertEquals(0, value(after, "puffindb_queries_running"));
        assertEquals(1, value(after, "puffindb_workers_live"));
        assertTrue(after.get("puffindb_jvm_memory_used_bytes").value("puffindb_jvm_memory_used_bytes", Map.of("area", "heap")) > 0);
        // The MONOSTORE and the one in-process worker.
        assertEquals(2, after.get("puffindb_duckdb_memory_bytes").samples().size());
        assertTrue(after.get("puffindb_duckdb_memory_bytes").value("puffindb_duckdb_memory_bytes", Map.of("engine", "monostore")) >= 0);

        List<JsonNode> alices = history(ALICE, "state=finished&limit=10");
        assertEquals(3, alices.size(), "alice sees her own queries only: " + alices);
        JsonNode failure = alices.get(0);
        assertEquals("FAILED", failure.get("state").asText());
        assertEquals("select from where", failure.get("sql").asText());
        assertEquals("PARSE_ERROR", failure.get("error").get("code").asText());
        JsonNode one = alices.get(1);
        assertEquals("FINISHED", one.get("state").asText());
        assertEquals("alice", one.get("user").asText());
        assertTrue(one.get("error").isNull());
        assertEquals(json.readTree(oneOrder.body()).get("stats").get("rows").asLong(), one.get("rows").asLong());
        assertEquals(json.readTree(grouped.body()).get("stats").get("rows").asLong(), alices.get(2).get("rows").asLong());
        assertTrue(one.get("start").asText().matches("\\d{4}-\\d{2}-\\d{2}T.*Z"), one.get("start").asText());
        assertTrue(one.get("durationMillis").asLong() >= 0);
        // The history's bytes are the metrics' bytes, query by query.
        long historyBytes = alices.stream().mapToLong(query -> query.get("bytesRead").asLong()).sum()
                + history(BOB, "state=finished&limit=1").get(0).get("bytesRead").asLong();
        assertEquals(historyBytes, bytesCounted(after) - bytesCounted(before));

        assertEquals(List.of("PARSE_ERROR"), history(ALICE, "state=failed").stream().map(query -> query.get("error").get("code").asText()).toList());
        assertEquals(1, history(ALICE, "state=finished&limit=1").size());
        assertTrue(history(ROOT, "state=finished").stream().anyMatch(query -> query.get("user").asText().equals("bob")), "an admin sees everyone's");
        assertEquals(400, get("/v1/queries?state=asleep", ALICE).statusCode());
        assertEquals(400, get("/v1/queries?state=finished&limit=0", ALICE).statusCode());

        List<JsonNode> logLines = new ArrayList<>();
        for (String line : standardOutput.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{")) {
                logLines.add(json.readTree(line));
            }
        }
        for (JsonNode query : alices) {
            List<JsonNode> lines = logLines.stream().filter(line -> line.get("queryId").equals(query.get("queryId"))).toList();
            assertEquals(List.of(query), lines, "one JSON line per ended query, with the history's fields");
        }
    }

    @Test
    void metricsNeedAToken() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        assertEquals("UNAUTHENTICATED", json.readTree(response.body()).get("error").get("code").asText());
    }

    @Test
    void theParserIsStrict() {
        assertThrows(IllegalArgumentException.class, () -> PrometheusTextParser.parse("x_total 1\n"), "a sample before its TYPE");
        assertThrows(IllegalArgumentException.class, () -> PrometheusTextParser.parse("# TYPE x counter\nx 1"), "no final newline");
        assertThrows(IllegalArgumentException.class, () -> PrometheusTextParser.parse("# TYPE x counter\nx{a=\"1\",a=\"2\"} 1\n"), "a label twice");
        assertThrows(IllegalArgumentException.class, () -> PrometheusTextParser.parse("# TYPE x counter\nx 1d\n"), "a Java-only number");
        assertThrows(IllegalArgumentException.class, () -> PrometheusTextParser.parse("# TYPE x counter\nx -1\n"), "a negative counter");
        assertThrows(IllegalArgumentException.class, () -> PrometheusTextParser.parse("# TYPE x gauge\ny 1\n"), "a sample of another family");
        assertThrows(IllegalArgumentException.class, () -> PrometheusTextParser.parse(
                "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n"), "buckets not cumulative");
        assertFalse(PrometheusTextParser.parse("# HELP x a \\\\ help\n# TYPE x gauge\nx{a=\"q\\\"\"} NaN 123\n").isEmpty());
    }
}
