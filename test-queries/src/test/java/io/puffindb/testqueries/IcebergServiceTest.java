package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo lake's Iceberg copy of TPC-H (its own SQLite-file catalog, mounted as {@code iceberg}):
 * the 22 queries with {@code iceberg.tpch} as the default schema, through the distributed path,
 * equal DuckDB alone over the plain Parquet files the copy was made from.
 */
class IcebergServiceTest {
    @TempDir
    static Path lake;
    static EmbeddedService service;
    static Oracle oracle;
    static BufferAllocator allocator;
    static PuffinClient client;

    @BeforeAll
    static void start() throws Exception {
        service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withDefaultSchema("iceberg.tpch"), GenerationProgress.SILENT);
        oracle = new Oracle(lake, "tpch");
        allocator = new RootAllocator();
        client = new PuffinClient(URI.create("http://127.0.0.1:" + service.port()));
    }

    @AfterAll
    static void stop() throws Exception {
        try (AutoCloseable a = allocator; AutoCloseable o = oracle; AutoCloseable s = service) {
            // closed in reverse order
        }
    }

    @Test
    void tpchOverIcebergEqualsDuckDbOverTheParquetFiles() throws Exception {
        CaseChecker checker = new CaseChecker(client, oracle, allocator);
        for (QueryCase query : TpchCases.all()) {
            checker.failure(query).ifPresent(failure -> fail(query.name() + " over Iceberg: " + failure));
        }
    }

    @Test
    void bothCopiesAreQueryableSideBySide() throws Exception {
        PuffinClient.Answer answer = client.query(
                "SELECT (SELECT count(*) FROM iceberg.tpch.lineitem) AS iceberg_rows, (SELECT count(*) FROM tpch.lineitem) AS parquet_rows", allocator);
        assertEquals(null, answer.error());
        List<Object> row = answer.result().rows().get(0);
        assertEquals(row.get(1), row.get(0));
    }

    @Test
    void anUnknownSnapshotIsAClearError() throws Exception {
        PuffinClient.Answer answer = client.query("SELECT count(*) FROM iceberg.tpch.\"nation@1\"", allocator);
        assertTrue(answer.error() != null && answer.error().message().contains("nation@1"), String.valueOf(answer.error()));
    }
}
