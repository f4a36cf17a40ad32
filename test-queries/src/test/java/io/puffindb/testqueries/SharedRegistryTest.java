package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Worker membership in the Redis registry (real Redis on 127.0.0.1:6379): a worker process that beats
 * to service A is part of service B's fleet too, and B's queries run on it and stay correct.
 */
class SharedRegistryTest {
    @TempDir
    Path lake;
    @TempDir
    Path secrets;

    @Test
    void twoServicesShareOneFleetThroughRedis() throws Exception {
        String registry = "redis://127.0.0.1:6379/test-" + UUID.randomUUID();
        Process worker = null;
        // One fleet, one secret: B's tickets must be good on the worker that joined A.
        Path secret = SecretFiles.write(secrets);
        try (EmbeddedService a = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 0).withRegistry(registry).withClusterSecretFile(secret),
                        GenerationProgress.SILENT);
                EmbeddedService b = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 0).withRegistry(registry).withClusterSecretFile(secret),
                        GenerationProgress.SILENT);
                BufferAllocator allocator = new RootAllocator();
                Oracle oracle = new Oracle(lake, "tpch")) {
            worker = WorkerProcessesTest.startWorker("http://127.0.0.1:" + a.port(), secret, lake);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (workersOf(b) < 1) {
                if (System.nanoTime() > deadline) {
                    fail("service B never saw the worker that joined service A");
                }
                Thread.sleep(100);
            }
            assertEquals(1, workersOf(b));
            CaseChecker checker = new CaseChecker(new PuffinClient(URI.create("http://127.0.0.1:" + b.port())), oracle, allocator);
            checker.failure(TpchCases.all().get(0)).ifPresent(failure -> fail("Q1 on B, run by A's worker: " + failure));
        } finally {
            if (worker != null) {
                worker.destroyForcibly().waitFor();
            }
        }
    }

    private static int workersOf(EmbeddedService service) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/v1/workers")).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body()).get("workers").size();
    }
}
