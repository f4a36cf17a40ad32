package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.executors.Explanation;
import io.puffindb.executors.FragmentDescription;
import io.puffindb.executors.flight.TaskStats;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service with no in-process workers and three worker processes that joined it over HTTP
 * ({@code puffindb worker}): TPC-H still equals DuckDB alone, tasks spread over the processes, and a
 * killed worker leaves the pool within its heartbeat TTL while queries keep answering.
 */
class WorkerProcessesTest {
    @TempDir
    static Path lake;
    @TempDir
    static Path secrets;
    static Path secretFile;
    static EmbeddedService service;
    static final List<Process> workers = new ArrayList<>();
    static BufferAllocator allocator;
    static Oracle oracle;
    static CaseChecker checker;

    @BeforeAll
    static void start() throws Exception {
        // The placement under test is the planner's own: no RAM layer, whose hot tables would draw scans onto the MONOSTORE.
        secretFile = SecretFiles.write(secrets);
        service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 0).withRam(RamSettings.NONE).withClusterSecretFile(secretFile),
                GenerationProgress.SILENT);
        for (int i = 0; i < 3; i++) {
            workers.add(startWorker("http://127.0.0.1:" + service.port(), secretFile, lake));
        }
        awaitLiveWorkers(3);
        allocator = new RootAllocator();
        oracle = new Oracle(lake, "tpch");
        checker = new CaseChecker(new PuffinClient(URI.create("http://127.0.0.1:" + service.port())), oracle, allocator);
    }

    @AfterAll
    static void stop() throws Exception {
        workers.forEach(Process::destroyForcibly);
        try (BufferAllocator memory = allocator; Oracle duckdb = oracle; EmbeddedService puffin = service) {
            // closed in reverse order
        }
    }

    /** A `puffindb worker` process joining the service at {@code coordinator}, with its cluster secret, reading the local {@code lake}. */
    static Process startWorker(String coordinator, Path secretFile, Path lake) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "io.puffindb.web.Main", "worker", "--coordinator", coordinator, "--duckdb-threads", "1", "--duckdb-memory", "512MB",
                "--cluster-secret-file", secretFile.toString(), "--lake", lake.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    static int liveWorkers() throws Exception {
        return liveWorkers(service.port());
    }

    /** How many workers the service at {@code port} counts live (their heartbeats within the TTL). */
    static int liveWorkers(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/workers")).build(), HttpResponse.BodyHandlers.ofString());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("workers").size();
    }

    static void awaitLiveWorkers(int expected) throws Exception {
        awaitLiveWorkers(service.port(), expected);
    }

    static void awaitLiveWorkers(int port, int expected) throws Exception {
        awaitLiveWorkers(port, expected, Duration.ofSeconds(60));
    }

    /** Waits up to {@code within} (worker processes start slowly on a loaded host) for {@code expected} live workers. */
    static void awaitLiveWorkers(int port, int expected, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (liveWorkers(port) != expected) {
            if (System.nanoTime() > deadline) {
                fail("expected " + expected + " live workers, have " + liveWorkers(port));
            }
            Thread.sleep(100);
        }
    }

    @TestFactory
    Stream<DynamicTest> tpchEqualsDuckDbOnThreeWorkerProcesses() {
        return TpchCases.all().stream().map(queryCase -> DynamicTest.dynamicTest(queryCase.name(),
                () -> checker.failure(queryCase).ifPresent(failure -> fail(queryCase.name() + ": " + failure))));
    }

    @Test
    void tasksSpreadOverTheWorkerProcesses() {
        Explanation analyzed = service.executor().explainAnalyze(TpchCases.sql("tpch-q01"));
        FragmentDescription lambda = analyzed.fragments().stream().filter(fragment -> fragment.tier().equals("LAMBDA")).findFirst().orElseThrow();
        assertEquals(3, lambda.actualTasks().stream().map(TaskStats::worker).collect(Collectors.toSet()).size(), lambda.actualTasks().toString());
    }

    @Test
    void aCallersErrorOnWorkerProcessesAnswers400WithDuckDbsMessageAndIsNotRetried() throws Exception {
        String sql = "select l_returnflag, sum(cast(l_comment as integer)) as s from lineitem group by l_returnflag";
        FragmentDescription planned = service.executor().explain(sql).fragments().stream().filter(fragment -> fragment.tier().equals("LAMBDA"))
                .findFirst().orElseThrow();
        assertTrue(planned.tasks() > 1, "lineitem fans out to several tasks: " + planned);
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = HttpClient.newHttpClient().send(RunawayWorkTest.queryRequest(service.port(), sql, id).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = new ObjectMapper().readTree(response.body()).path("error");
        assertEquals("QUERY_FAILED", error.path("code").asText(), response.body());
        assertTrue(error.path("message").asText().contains("Conversion Error: Could not convert string"), response.body());
        List<Integer> attempts = new ArrayList<>();
        RunawayWorkTest.getJson(service.port(), "/v1/queries/" + id + "/plan").path("fragments")
                .forEach(fragment -> fragment.path("actualTasks").forEach(task -> attempts.add(task.path("attempts").asInt())));
        assertTrue(!attempts.isEmpty() && attempts.stream().allMatch(attempt -> attempt == 1), "each task went to one worker only: " + attempts);
    }

    @Test
    void aKilledWorkerLeavesWithinItsTtlAndQueriesStillAnswer() throws Exception {
        Process victim = workers.remove(workers.size() - 1);
        victim.destroyForcibly().waitFor();
        long killed = System.nanoTime();
        // Still in the pool for up to 3 s: its tasks fail to connect and are retried on the others.
        Explanation retried = service.executor().explainAnalyze(TpchCases.sql("tpch-q01"));
        assertEquals(4L, retried.actualRows());
        // A lost worker is the engine's failure, not the caller's: its tasks ran again on the others.
        FragmentDescription lambda = retried.fragments().stream().filter(fragment -> fragment.tier().equals("LAMBDA")).findFirst().orElseThrow();
        assertTrue(lambda.taskAttempts() > lambda.actualTasks().size(), "the dead worker's tasks were retried: " + lambda.actualTasks());
        awaitLiveWorkers(2);
        long seconds = Duration.ofNanos(System.nanoTime() - killed).toSeconds();
        assertTrue(seconds <= 4, "left the pool after " + seconds + " s");
        QueryCase q1 = TpchCases.all().get(0);
        checker.failure(q1).ifPresent(failure -> fail("after a worker died: " + failure));
        workers.add(startWorker("http://127.0.0.1:" + service.port(), secretFile, lake));
        awaitLiveWorkers(3);
    }
}
