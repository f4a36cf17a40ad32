package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.bench.InProcessS3;
import io.puffindb.executors.Explanation;
import io.puffindb.executors.flight.TaskStats;
import io.puffindb.lake.store.S3ObjectStore;
import io.puffindb.web.EmbeddedService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lake on S3 (a real S3-compatible server in-process): the TPC-H demo tables uploaded there are
 * queried through the distributed path and compared with DuckDB over the same files on disk. Engines
 * read remote files from their caches, so a repeated query reads nothing from the store, and a file
 * replaced in the store is read again.
 */
class S3LakeTest {
    private static final String LAKE = S3TpchLake.LAKE;

    @TempDir
    static Path local;
    @TempDir
    static Path caches;
    static S3TpchLake lake;
    static InProcessS3 s3;
    static S3ObjectStore store;
    static EmbeddedService service;
    static BufferAllocator allocator;
    static CaseChecker checker;

    @BeforeAll
    static void start() throws Exception {
        // No room on the MONOSTORE: this test is about the workers' SSD caches, and promotion would move
        // repeated scans to the MONOSTORE (ReactiveCachingTest covers that).
        lake = new S3TpchLake(local, caches, 0);
        s3 = lake.s3;
        store = new S3ObjectStore(s3.settings());
        service = lake.service;
        allocator = lake.allocator;
        checker = lake.checker;
    }

    @AfterAll
    static void stop() throws Exception {
        try (AutoCloseable everything = lake; AutoCloseable st = store) {
            // closed in reverse order
        }
    }

    @Test
    void tpchQueriesOverS3EqualDuckDbOverTheSameFiles() throws Exception {
        for (QueryCase query : TpchCases.all()) {
            checker.failure(query).ifPresent(failure -> fail(query.name() + " over S3: " + failure));
        }
    }

    @Test
    void aRepeatedQueryReadsNothingFromTheStore() throws Exception {
        QueryCase q6 = TpchCases.named("tpch-q06");
        checker.failure(q6).ifPresent(failure -> fail("first run: " + failure));
        long getsAfterFirstRun = s3.gets();
        long bytesAfterFirstRun = s3.bytesServed();
        checker.failure(q6).ifPresent(failure -> fail("second run: " + failure));
        assertEquals(getsAfterFirstRun, s3.gets(), "object reads during the second run");
        assertEquals(bytesAfterFirstRun, s3.bytesServed(), "bytes read from the store during the second run");
        JsonNode cluster = new ObjectMapper().readTree(HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/v1/cluster")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        long hits = 0;
        for (JsonNode worker : cluster.get("workers")) {
            JsonNode cache = worker.get("cache");
            assertTrue(cache.get("bytes").asLong() <= cache.get("budgetBytes").asLong(), "cache within its budget: " + cache);
            hits += cache.get("hits").asLong();
        }
        assertTrue(hits > 0, "the workers' caches served the second run: " + cluster);

        // EXPLAIN ANALYZE says where each task's files came from: all from the workers' SSD caches by now.
        Explanation analyzed = service.executor().explainAnalyze(q6.sql());
        List<TaskStats> tasks = analyzed.fragments().stream().flatMap(fragment -> fragment.actualTasks().stream()).toList();
        assertFalse(tasks.isEmpty());
        for (TaskStats task : tasks) {
            assertTrue(task.cache() != null && task.cache().cachedFiles() == task.splits() && task.cache().fetchedFiles() == 0, task.toString());
        }
    }

    @Test
    void aFileReplacedInTheStoreIsReadAgain() throws Exception {
        PuffinClient client = new PuffinClient(URI.create("http://127.0.0.1:" + service.port()));
        String uri = LAKE + "/scratch/changing/data.parquet";
        uploadRows(uri, 3);
        assertEquals(List.of(List.of(3L)), client.query("SELECT count(*) AS n FROM scratch.changing", allocator).result().rows());
        long getsBefore = s3.gets();
        uploadRows(uri, 5);
        assertEquals(List.of(List.of(5L)), client.query("SELECT count(*) AS n FROM scratch.changing", allocator).result().rows());
        assertTrue(s3.gets() > getsBefore, "the replaced file was fetched again");
    }

    private static void uploadRows(String uri, int rows) throws Exception {
        Path file = local.resolve("changing-" + rows + ".parquet");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT range AS id FROM range(" + rows + ")) TO '" + file + "' (FORMAT parquet)");
        }
        store.upload(file, uri);
    }
}
