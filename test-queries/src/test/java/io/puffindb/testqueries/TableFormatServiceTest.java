package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.puffindb.bench.InProcessS3;
import io.puffindb.lake.delta.DeltaTableWriter;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.lake.demo.TpchLakeGenerator;
import io.puffindb.lake.hudi.HudiTableWriter;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TPC-H as Delta tables and as Hudi copy-on-write tables (lineitem and orders partitioned, the rest
 * not), on local disk and on the in-process S3 server, queried through the distributed path: the 22
 * queries over each local copy equal DuckDB alone over the Parquet files it was made from; the S3
 * copies answer like the local ones; partition pruning shows in EXPLAIN; versions stay readable.
 */
class TableFormatServiceTest {
    private static final Map<String, String> PARTITIONS = Map.of("lineitem", "l_returnflag", "orders", "o_orderstatus");
    private static final Map<String, String> KEYS = Map.of("lineitem", "l_orderkey", "orders", "o_orderkey", "customer", "c_custkey", "part", "p_partkey",
            "partsupp", "ps_partkey", "supplier", "s_suppkey", "nation", "n_nationkey", "region", "r_regionkey");
    private static final String HUDI_INSTANT = "20261124000000";

    @TempDir
    static Path local;
    @TempDir
    static Path formats;
    @TempDir
    static Path caches;
    static InProcessS3 s3;
    static Map<String, EmbeddedService> services = new HashMap<>();
    static Map<String, PuffinClient> clients = new HashMap<>();
    static Oracle oracle;
    static BufferAllocator allocator;

    @BeforeAll
    static void start() throws Exception {
        Path tpch = local.resolve("tpch");
        new TpchLakeGenerator(0.01).generate(tpch, GenerationProgress.SILENT);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Stream<Path> tables = Files.list(tpch)) {
            DeltaTableWriter delta = new DeltaTableWriter(duckdb);
            HudiTableWriter hudi = new HudiTableWriter(duckdb);
            for (Path table : tables.sorted().toList()) {
                String name = table.getFileName().toString();
                String rows = "SELECT * FROM read_parquet('" + table + "/*.parquet')";
                String partition = PARTITIONS.get(name);
                delta.append(formats.resolve("delta").resolve(name), rows, partition == null ? List.of() : List.of(partition), 2);
                writeHudi(hudi, formats.resolve("hudi").resolve(name), rows, partition, KEYS.get(name));
            }
        }
        s3 = new InProcessS3("lake");
        s3.uploadFolder(formats, "s3://lake");
        StorageConfig storage = new StorageConfig(s3.settings(), caches, 1L << 30, 1L << 30, List.of())
                .withDeltaLake("delta", formats.resolve("delta").toString()).withDeltaLake("deltas3", "s3://lake/delta")
                .withHudiLake("hudi", formats.resolve("hudi").toString()).withHudiLake("hudis3", "s3://lake/hudi");
        allocator = new RootAllocator();
        for (String format : List.of("delta", "hudi")) {
            EmbeddedService service = EmbeddedService.start(PuffinConfig.embedded(local, 0, 2).withLake(local.toString(), storage).withDefaultSchema(format),
                    GenerationProgress.SILENT);
            services.put(format, service);
            clients.put(format, new PuffinClient(URI.create("http://127.0.0.1:" + service.port())));
        }
        oracle = new Oracle(local, "tpch");
    }

    // One commit; one file group per partition value (hive-style folders), two for an unpartitioned table.
    private static void writeHudi(HudiTableWriter hudi, Path table, String rows, String partition, String key) throws Exception {
        hudi.createTable(table, "COPY_ON_WRITE", key, partition);
        if (partition == null) {
            for (int group = 0; group < 2; group++) {
                hudi.writeBaseFile(table, "", "group-" + group, HUDI_INSTANT, "SELECT * FROM (" + rows + ") WHERE hash(" + key + ") % 2 = " + group, key);
            }
        } else {
            for (String value : List.of("A", "N", "R", "F", "O", "P")) {
                String slice = "SELECT * FROM (" + rows + ") WHERE " + partition + " = '" + value + "'";
                try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                        var count = duckdb.createStatement().executeQuery("SELECT count(*) FROM (" + slice + ")")) {
                    count.next();
                    if (count.getLong(1) > 0) {
                        hudi.writeBaseFile(table, partition + "=" + value, "group-" + value, HUDI_INSTANT, slice, key);
                    }
                }
            }
        }
        hudi.complete(table, HUDI_INSTANT, "commit", "{}");
    }

    @AfterAll
    static void stop() throws Exception {
        try (AutoCloseable a = allocator; AutoCloseable o = oracle; AutoCloseable proxy = s3) {
            for (EmbeddedService service : services.values()) {
                service.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"delta", "hudi"})
    void tpchOverTheFormatEqualsDuckDbOverTheParquetFiles(String format) throws Exception {
        CaseChecker checker = new CaseChecker(clients.get(format), oracle, allocator);
        for (QueryCase query : TpchCases.all()) {
            checker.failure(query).ifPresent(failure -> fail(query.name() + " over " + format + ": " + failure));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"delta", "hudi"})
    void theCopyOnS3AnswersLikeTheLocalOne(String format) throws Exception {
        for (String table : List.of("lineitem", "orders", "nation")) {
            assertEquals(sortedRows(format, "SELECT * FROM " + format + "." + table), sortedRows(format, "SELECT * FROM " + format + "s3." + table), table);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"delta", "hudi"})
    void aPartitionFilterPrunesFilesAndExplainSaysSo(String format) throws Exception {
        String sql = "SELECT count(*) AS n FROM " + format + ".lineitem WHERE l_returnflag = 'R'";
        String plan = services.get(format).executor().explain(sql).text();
        // Three partitions (A, N, R): Delta wrote two files each, Hudi one file group each.
        assertTrue(plan.contains(format.equals("delta") ? "pruned=[2/6 files" : "pruned=[1/3 files"), plan);
        assertEquals(sortedRows(format, "SELECT count(*) AS n FROM tpch.lineitem WHERE l_returnflag = 'R'"), sortedRows(format, sql));
    }

    @Test
    void aDeltaAppendIsANewVersionAndTheOldOneStaysReadable() throws Exception {
        Path table = formats.resolve("delta").resolve("region_history");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            DeltaTableWriter writer = new DeltaTableWriter(duckdb);
            String region = "SELECT * FROM read_parquet('" + local.resolve("tpch").resolve("region") + "/*.parquet')";
            writer.append(table, region, List.of(), 1);
            writer.append(table, region, List.of(), 1);
        }
        PuffinClient client = clients.get("delta");
        assertEquals(List.of(List.of(10L)), client.query("SELECT count(*) AS n FROM delta.region_history", allocator).result().rows());
        assertEquals(List.of(List.of(5L)), client.query("SELECT count(*) AS n FROM delta.\"region_history@0\"", allocator).result().rows());
        PuffinClient.Answer missing = client.query("SELECT count(*) AS n FROM delta.\"region_history@9\"", allocator);
        assertTrue(missing.error() != null && missing.error().message().contains("region_history@9"), String.valueOf(missing.error()));
    }

    @Test
    void aHudiUpdateIsANewFileSliceAndTheOldInstantStaysReadable() throws Exception {
        Path table = formats.resolve("hudi").resolve("nation_history");
        String nation = "SELECT * FROM read_parquet('" + local.resolve("tpch").resolve("nation") + "/*.parquet')";
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            HudiTableWriter writer = new HudiTableWriter(duckdb);
            writer.createTable(table, "COPY_ON_WRITE", "n_nationkey", null);
            writer.writeBaseFile(table, "", "g", "20261124000001", nation, "n_nationkey");
            writer.complete(table, "20261124000001", "commit", "{}");
            writer.writeBaseFile(table, "", "g", "20261124000002", "SELECT * FROM (" + nation + ") WHERE n_nationkey < 5", "n_nationkey");
            writer.complete(table, "20261124000002", "commit", "{}");
        }
        PuffinClient client = clients.get("hudi");
        assertEquals(List.of(List.of(5L)), client.query("SELECT count(*) AS n FROM hudi.nation_history", allocator).result().rows());
        assertEquals(List.of(List.of(25L)), client.query("SELECT count(*) AS n FROM hudi.\"nation_history@20261124000001\"", allocator).result().rows());
    }

    private static List<List<Object>> sortedRows(String format, String sql) throws Exception {
        PuffinClient.Answer answer = clients.get(format).query(sql, allocator);
        assertNull(answer.error(), () -> sql + ": " + answer.error());
        List<List<Object>> rows = new ArrayList<>(answer.result().rows());
        rows.sort(Comparator.comparing(Object::toString));
        return rows;
    }
}
