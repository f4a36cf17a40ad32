package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.puffindb.lake.delta.DeltaTableWriter;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.lake.demo.TpchLakeGenerator;
import io.puffindb.lake.store.S3ObjectStore;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import io.puffindb.web.StorageConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TPC-H as Delta tables (lineitem and orders partitioned, the rest not), on local disk and on the
 * in-process S3 server, queried through the distributed path: the 22 queries over the local copy
 * equal DuckDB alone over the Parquet files it was made from; the S3 copy answers like the local one;
 * partition pruning shows in EXPLAIN; an append makes a new version while the old one stays readable.
 */
class DeltaServiceTest {
    private static final Map<String, List<String>> PARTITIONS = Map.of("lineitem", List.of("l_returnflag"), "orders", List.of("o_orderstatus"));

    @TempDir
    static Path local;
    @TempDir
    static Path deltaRoot;
    @TempDir
    static Path caches;
    static InProcessS3 s3;
    static EmbeddedService service;
    static Oracle oracle;
    static BufferAllocator allocator;
    static PuffinClient client;

    @BeforeAll
    static void start() throws Exception {
        new TpchLakeGenerator(0.01).generate(local.resolve("tpch"), GenerationProgress.SILENT);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Stream<Path> tables = Files.list(local.resolve("tpch"))) {
            DeltaTableWriter writer = new DeltaTableWriter(duckdb);
            for (Path table : tables.sorted().toList()) {
                String name = table.getFileName().toString();
                writer.append(deltaRoot.resolve(name), "SELECT * FROM read_parquet('" + table + "/*.parquet')", PARTITIONS.getOrDefault(name, List.of()), 2);
            }
        }
        s3 = new InProcessS3("lake");
        try (S3ObjectStore store = new S3ObjectStore(s3.settings()); Stream<Path> files = Files.walk(deltaRoot)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                store.upload(file, "s3://lake/delta/" + deltaRoot.relativize(file));
            }
        }
        StorageConfig storage = new StorageConfig(s3.settings(), caches, 1L << 30, 1L << 30, List.of())
                .withDeltaLake("delta", deltaRoot.toString())
                .withDeltaLake("deltas3", "s3://lake/delta");
        service = EmbeddedService.start(PuffinConfig.embedded(local, 0, 2).withLake(local.toString(), storage).withDefaultSchema("delta"),
                GenerationProgress.SILENT);
        oracle = new Oracle(local, "tpch");
        allocator = new RootAllocator();
        client = new PuffinClient(URI.create("http://127.0.0.1:" + service.port()));
    }

    @AfterAll
    static void stop() throws Exception {
        try (AutoCloseable a = allocator; AutoCloseable o = oracle; AutoCloseable sv = service; AutoCloseable proxy = s3) {
            // closed in reverse order
        }
    }

    @Test
    void tpchOverDeltaEqualsDuckDbOverTheParquetFiles() throws Exception {
        CaseChecker checker = new CaseChecker(client, oracle, allocator);
        for (QueryCase query : TpchCases.all()) {
            checker.failure(query).ifPresent(failure -> fail(query.name() + " over Delta: " + failure));
        }
    }

    @Test
    void theCopyOnS3AnswersLikeTheLocalOne() throws Exception {
        for (String table : List.of("lineitem", "orders", "nation")) {
            assertEquals(sortedRows("SELECT * FROM delta." + table), sortedRows("SELECT * FROM deltas3." + table), table);
        }
    }

    @Test
    void aPartitionFilterPrunesFilesAndExplainSaysSo() throws Exception {
        String sql = "SELECT count(*) AS n FROM delta.lineitem WHERE l_returnflag = 'R'";
        String plan = service.executor().explain(sql).text();
        // Three partitions (A, N, R), two files each: only R's two remain.
        assertTrue(plan.contains("pruned=[2/6 files"), plan);
        assertEquals(sortedRows("SELECT count(*) AS n FROM tpch.lineitem WHERE l_returnflag = 'R'"), sortedRows(sql));
    }

    @Test
    void anAppendIsANewVersionAndTheOldOneStaysReadable() throws Exception {
        Path table = deltaRoot.resolve("region_history");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            DeltaTableWriter writer = new DeltaTableWriter(duckdb);
            String region = "SELECT * FROM read_parquet('" + local.resolve("tpch").resolve("region") + "/*.parquet')";
            writer.append(table, region, List.of(), 1);
            writer.append(table, region, List.of(), 1);
        }
        assertEquals(List.of(List.of(10L)), client.query("SELECT count(*) AS n FROM delta.region_history", allocator).result().rows());
        assertEquals(List.of(List.of(5L)), client.query("SELECT count(*) AS n FROM delta.\"region_history@0\"", allocator).result().rows());
        PuffinClient.Answer missing = client.query("SELECT count(*) AS n FROM delta.\"region_history@9\"", allocator);
        assertTrue(missing.error() != null && missing.error().message().contains("region_history@9"), String.valueOf(missing.error()));
    }

    private static List<List<Object>> sortedRows(String sql) throws Exception {
        PuffinClient.Answer answer = client.query(sql, allocator);
        assertNull(answer.error(), () -> sql + ": " + answer.error());
        List<List<Object>> rows = new ArrayList<>(answer.result().rows());
        rows.sort(Comparator.comparing(Object::toString));
        return rows;
    }
}
