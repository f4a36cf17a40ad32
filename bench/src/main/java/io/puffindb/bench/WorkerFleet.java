package io.puffindb.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.cost.DeploymentCosts;
import io.puffindb.executors.QueryExecutor;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The distributed machinery on one host: a service with no in-process workers, planning with fleet
 * costs (so scans fan out), and {@code puffindb worker} processes that join it over HTTP, each with
 * its share of the host's cores. No RAM layer: its hot tables would draw scans onto the MONOSTORE.
 */
final class WorkerFleet implements AutoCloseable {
    private final EmbeddedService service;
    private final List<Process> workers = new ArrayList<>();

    WorkerFleet(PuffinConfig defaults, Path lake, int workerCount, Path secretFolder) throws Exception {
        Path secretFile = writeSecret(secretFolder);
        PuffinConfig config = defaults.withWorkers(0).withRam(RamSettings.NONE).withClusterSecretFile(secretFile).withCostShape(DeploymentCosts.Shape.FLEET);
        this.service = EmbeddedService.start(config, GenerationProgress.SILENT);
        int threadsEach = defaults.duckDb().sharedBy(workerCount).threads();
        try {
            for (int i = 0; i < workerCount; i++) {
                workers.add(startWorker("http://127.0.0.1:" + service.port(), secretFile, lake, threadsEach));
            }
            awaitLiveWorkers(workerCount);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    QueryExecutor executor() {
        return service.executor();
    }

    private static Path writeSecret(Path folder) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        // Readable by this user only, as the service insists for a secret.
        Path file = Files.createFile(Files.createDirectories(folder).resolve("cluster-secret"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.writeString(file, Base64.getEncoder().encodeToString(secret));
    }

    // The bench's own class path (a runnable jar's manifest names its libraries) holds the worker's main class.
    private static Process startWorker(String coordinator, Path secretFile, Path lake, int threads) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                "io.puffindb.web.Main", "worker", "--coordinator", coordinator, "--duckdb-threads", String.valueOf(threads), "--duckdb-memory", "2GB",
                "--cluster-secret-file", secretFile.toString(), "--lake", lake.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private void awaitLiveWorkers(int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (liveWorkers() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(expected + " worker processes did not join within 120 s; " + liveWorkers() + " did");
            }
            Thread.sleep(200);
        }
    }

    private int liveWorkers() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/v1/workers")).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body()).get("workers").size();
    }

    @Override
    public void close() throws Exception {
        workers.forEach(Process::destroyForcibly);
        service.close();
    }
}
