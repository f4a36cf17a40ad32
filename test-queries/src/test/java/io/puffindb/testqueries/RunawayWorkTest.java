package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything a query started stops when it is cancelled or its deadline passes: its planning, and
 * its LAMBDA tasks on every worker.
 */
class RunawayWorkTest {
    private static final Duration PLANNING_DEADLINE = Duration.ofSeconds(2);

    @TempDir
    static Path lake;
    static EmbeddedService service;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withRam(RamSettings.NONE), GenerationProgress.SILENT);
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    // Planning cost grows much faster than the select list: 20,000 columns planned for minutes.
    static String slowToPlan() {
        return "select " + IntStream.range(0, 20_000).mapToObj(i -> "n_nationkey + " + i + " as c" + i).collect(Collectors.joining(", "))
                + " from nation";
    }

    @Test
    void aDeadlineDuringPlanningAnswers504WithinTwiceTheDeadline() throws Exception {
        try (EmbeddedService impatient = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 0).withQueryTimeout(PLANNING_DEADLINE),
                GenerationProgress.SILENT)) {
            HttpResponse<String> response = http.send(queryRequest(impatient.port(), slowToPlan(), UUID.randomUUID().toString())
                    .timeout(PLANNING_DEADLINE.multipliedBy(2)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(504, response.statusCode(), response.body());
            assertEquals("DEADLINE_EXCEEDED", json.readTree(response.body()).path("error").path("code").asText(), response.body());
        }
    }

    @Test
    void aQueryIsVisibleAndCancellableWhileItIsPlanned() throws Exception {
        String id = UUID.randomUUID().toString();
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(queryRequest(service.port(), slowToPlan(), id).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitTrue(() -> get("/v1/queries/" + id).statusCode() == 200, "the query is listed while it is planned");
        HttpResponse<String> cancelled = http.send(HttpRequest.newBuilder(uri("/v1/queries/" + id)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        HttpResponse<String> response = answer.get();
        assertEquals(499, response.statusCode(), response.body());
        assertEquals("CANCELLED", json.readTree(response.body()).path("error").path("code").asText(), response.body());
    }

    static HttpRequest.Builder queryRequest(int port, String sql, String queryId) throws Exception {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/query"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("sql", sql, "queryId", queryId))));
    }

    static HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode getJson(String path) throws Exception {
        return json.readTree(get(path).body());
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }

    static void awaitTrue(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within 30 s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
