package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.calcite.tier.Tier;
import io.puffindb.cost.CostParameters;
import io.puffindb.executors.HandoverSettings;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.executors.flight.HandoverFolder;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything a query started stops when it is cancelled or its deadline passes: its planning, and
 * its LAMBDA tasks on every worker with their handover files; a worker lost mid-task is reported as
 * ours, not the caller's.
 */
class RunawayWorkTest {
    private static final Duration PLANNING_DEADLINE = Duration.ofSeconds(2);

    @TempDir
    static Path lake;
    static EmbeddedService service;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @TempDir
    static Path spill;

    @BeforeAll
    static void start() {
        // Every LAMBDA output is handed over and spilled: files a task left behind would show.
        HandoverSettings spillAll = new HandoverSettings(HandoverSettings.Mode.HANDOVER, 0, spill.toString(), Duration.ofMinutes(1));
        service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withRam(RamSettings.NONE).withHandover(spillAll),
                GenerationProgress.SILENT);
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

    // Every row hashes ten ever longer strings: minutes of work, pinned on the LAMBDA tasks.
    static String slowOnLambda() {
        String hashed = "l_comment";
        for (int i = 0; i < 10; i++) {
            hashed = "md5(repeat(" + hashed + ", 2000))";
        }
        return "select count(*) from (select l_orderkey THROUGH 'lambda' from lineitem where " + hashed + " = 'x') as hashed";
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

    @Test
    void cancellingALambdaHeavyQueryStopsEveryTaskAndLeavesNoHandoverFile() throws Exception {
        String id = UUID.randomUUID().toString();
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(queryRequest(service.port(), slowOnLambda(), id).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitTrue(() -> activeTasks(service.port()) > 0, "the query's tasks run on the workers");
        HttpResponse<String> cancelled = http.send(HttpRequest.newBuilder(uri("/v1/queries/" + id)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        HttpResponse<String> response = answer.get();
        assertEquals(499, response.statusCode(), response.body());
        // Left alone, the tasks would hash for minutes.
        awaitTrue(() -> activeTasks(service.port()) == 0, "every worker's tasks stopped");
        assertEquals(List.of(), filesIn(HandoverFolder.OF_THIS_PROCESS), "a stopped task's handover output is deleted");
        awaitTrue(() -> entriesIn(spill).isEmpty(), "no spilled output or folder is left");
    }

    @Test
    void cancellingStopsTasksThatAreStillLoadingTheirInputsFromOtherTasks() throws Exception {
        // Moving rows to the MONOSTORE made dear: the count is dealt to the workers by key, each key-range
        // task pulling its share from every (slow) scanning task before it starts.
        String sql = "select l_returnflag, count(distinct l_orderkey) as orders from (" + slowOnLambda().replace("count(*)", "*")
                .replace("select l_orderkey THROUGH", "select l_returnflag, l_orderkey THROUGH") + ") as hashed_rows group by l_returnflag";
        try (EmbeddedService byKey = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withRam(RamSettings.NONE), GenerationProgress.SILENT,
                workers -> CostParameters.defaults(workers).withLink(Tier.LAMBDA, Tier.MONOSTORE, 1e5)
                        .withLakeBytesPerSecond(Map.of(Tier.LAMBDA, 100e6, Tier.MONOSTORE, 1e5, Tier.CLIENT, 1e5)))) {
            assertTrue(byKey.executor().explain(sql).plan().allNodes().stream().anyMatch(node -> "HASH".equals(node.exchangeKind())),
                    "rows are dealt to the workers by key");
            String id = UUID.randomUUID().toString();
            CompletableFuture<HttpResponse<String>> answer = http.sendAsync(queryRequest(byKey.port(), sql, id).build(),
                    HttpResponse.BodyHandlers.ofString());
            awaitTrue(() -> activeTasks(byKey.port()) > 2, "key-range tasks and the scans they pull run");
            HttpResponse<String> cancelled = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + byKey.port() + "/v1/queries/" + id))
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, cancelled.statusCode(), cancelled.body());
            assertEquals(499, answer.get().statusCode(), answer.get().body());
            awaitTrue(() -> activeTasks(byKey.port()) == 0, "every worker's tasks stopped, the scans pulled by key-range tasks too");
        }
    }

    @Test
    void aWorkerLostMidTaskIsOursAndRetryableNotTheCallersMistake(@TempDir Path secrets) throws Exception {
        Path secretFile = SecretFiles.write(secrets);
        try (EmbeddedService alone = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 0).withRam(RamSettings.NONE).withClusterSecretFile(secretFile),
                GenerationProgress.SILENT)) {
            Process worker = WorkerProcessesTest.startWorker("http://127.0.0.1:" + alone.port(), secretFile, lake);
            try {
                awaitTrue(() -> getJson(alone.port(), "/v1/workers").path("workers").size() == 1, "the worker process joined");
                CompletableFuture<HttpResponse<String>> answer = http.sendAsync(
                        queryRequest(alone.port(), slowOnLambda(), UUID.randomUUID().toString()).build(), HttpResponse.BodyHandlers.ofString());
                awaitTrue(() -> activeTasks(alone.port()) > 0, "the query's tasks run on the worker");
                worker.destroyForcibly().waitFor();
                HttpResponse<String> response = answer.get();
                assertEquals(503, response.statusCode(), response.body());
                assertEquals("SERVICE_UNAVAILABLE", json.readTree(response.body()).path("error").path("code").asText(), response.body());
            } finally {
                worker.destroyForcibly();
            }
        }
    }

    @Test
    void staleSpillsAreSweptAtStartUpAndAQuerySpillingMoreThanItsBudgetFailsAsAResourceError(@TempDir Path smallSpill) throws Exception {
        // A service killed mid-query left a spill a day ago; another service's query spilled a moment ago.
        Path stale = Files.createDirectories(smallSpill.resolve("killed-query")).resolve("f1-t0.arrows");
        Files.write(stale, new byte[] {1});
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        Files.setLastModifiedTime(stale.getParent(), FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        Path fresh = Files.createDirectories(smallSpill.resolve("running-query")).resolve("f1-t0.arrows");
        Files.write(fresh, new byte[] {1});
        HandoverSettings tinyBudget = new HandoverSettings(HandoverSettings.Mode.HANDOVER, 0, smallSpill.toString(), Duration.ofMinutes(1), 4096);
        try (EmbeddedService frugal = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withRam(RamSettings.NONE).withHandover(tinyBudget),
                GenerationProgress.SILENT)) {
            HttpResponse<String> response = http.send(queryRequest(frugal.port(),
                    "select count(distinct l_comment) from (select l_comment THROUGH 'lambda' from lineitem) as t", UUID.randomUUID().toString()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, response.statusCode(), response.body());
            assertEquals("RESOURCE_EXHAUSTED", json.readTree(response.body()).path("error").path("code").asText(), response.body());
        }
        assertEquals(List.of(fresh), filesIn(smallSpill), "the stale spill is swept, the fresh one kept, the query's own deleted");
        assertEquals(List.of(smallSpill.resolve("running-query")), entriesIn(smallSpill), "no folder is left of the query or the stale spill");
        assertEquals(List.of(), filesIn(HandoverFolder.OF_THIS_PROCESS));
    }

    static int activeTasks(int port) {
        int active = 0;
        for (JsonNode worker : getJson(port, "/v1/workers").path("workers")) {
            active += worker.path("activeTasks").asInt();
        }
        return active;
    }

    static List<Path> filesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> entriesIn(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpRequest.Builder queryRequest(int port, String sql, String queryId) throws Exception {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/query"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("sql", sql, "queryId", queryId))));
    }

    static HttpResponse<String> get(String path) {
        return get(service.port(), path);
    }

    static HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode getJson(int port, String path) {
        try {
            return json.readTree(get(port, path).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
