package io.puffindb.testqueries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.bench.InProcessS3;
import io.puffindb.cost.DeploymentCosts;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.lake.demo.TpchLakeGenerator;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import io.puffindb.web.StorageConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;

/**
 * What the S3 tests stand on: TPC-H SF 0.01 generated locally and copied into the in-process S3
 * server at {@link #LAKE}, a PuffinDB (2 in-process workers) serving it from there, and the DuckDB
 * oracle over the local copy of the same files.
 */
final class S3TpchLake implements AutoCloseable {
    static final String LAKE = "s3://lake/demo";

    final Path local;
    final InProcessS3 s3;
    final EmbeddedService service;
    final Oracle oracle;
    final BufferAllocator allocator;
    final CaseChecker checker;

    /** @param monostoreCacheBytes the MONOSTORE's SSD cache budget (0: it caches nothing, so nothing is promoted) */
    S3TpchLake(Path local, Path caches, long monostoreCacheBytes) throws Exception {
        this(local, caches, monostoreCacheBytes, RamSettings.NONE);
    }

    /** @param ram the MONOSTORE's RAM layer */
    S3TpchLake(Path local, Path caches, long monostoreCacheBytes, RamSettings ram) throws Exception {
        this.local = local;
        new TpchLakeGenerator(0.01).generate(local.resolve("tpch"), GenerationProgress.SILENT);
        s3 = new InProcessS3("lake");
        s3.uploadFolder(local, LAKE);
        StorageConfig storage = new StorageConfig(s3.settings(), caches, 1L << 30, monostoreCacheBytes, List.of())
                .withRam(ram);
        service = EmbeddedService.start(PuffinConfig.embedded(local, 0, 2).withLake(LAKE, storage)
                // Fleet costs: the scenarios here are about scans fanned out onto workers and their caches.
                .withCostShape(DeploymentCosts.Shape.FLEET), GenerationProgress.SILENT);
        oracle = new Oracle(local, "tpch");
        allocator = new RootAllocator();
        checker = new CaseChecker(client(), oracle, allocator);
    }

    /** How many files a TPC-H table has. */
    int filesOf(String table) throws IOException {
        try (Stream<Path> files = Files.list(local.resolve("tpch").resolve(table))) {
            return (int) files.count();
        }
    }

    /** How many bytes a TPC-H table's files have. */
    long bytesOf(String table) throws IOException {
        try (Stream<Path> files = Files.list(local.resolve("tpch").resolve(table))) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    /** Reads a result of DuckDB's (a client's local run) into a table to compare. */
    ResultTable read(ResultSet result) throws Exception {
        try (ArrowReader reader = (ArrowReader) result.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, 65536)) {
            return ResultTable.read(reader);
        }
    }

    /** The MONOSTORE's cache counts, as {@code GET /v1/cluster} shows them. */
    JsonNode monostoreCache() throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/v1/cluster")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new ObjectMapper().readTree(body).get("monostore").get("cache");
    }

    // Promotion runs in the background after a query: wait (bounded) until a count of the MONOSTORE's cache reaches {@code atLeast}.
    JsonNode awaitMonostoreCache(String count, long atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode cache = monostoreCache();
        while (cache.get(count).asLong() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(100);
            cache = monostoreCache();
        }
        return cache;
    }

    PuffinClient client() {
        return new PuffinClient(URI.create("http://127.0.0.1:" + service.port()));
    }

    @Override
    public void close() throws Exception {
        try (AutoCloseable a = allocator; AutoCloseable o = oracle; AutoCloseable sv = service; AutoCloseable proxy = s3) {
            // closed in reverse order
        }
    }
}
