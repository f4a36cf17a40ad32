package io.puffindb.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.demo.TpchLakeGenerator;
import io.puffindb.lake.store.LocalObjectStore;
import io.puffindb.lake.store.MetadataCopies;
import io.puffindb.lake.store.ObjectStores;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TpchDemoLakeTest {
    @TempDir
    static Path lakeRoot;
    static Map<String, Long> generatedRows;
    static FileMetadataReader reader;
    static FolderLake lake;
    static final AtomicLong progressCalls = new AtomicLong();

    @BeforeAll
    static void generate() {
        generatedRows = new TpchLakeGenerator(0.01).generate(lakeRoot.resolve("tpch"), (table, done, expected) -> progressCalls.incrementAndGet());
        reader = new FileMetadataReader();
        ObjectStores stores = new ObjectStores(List.of(new LocalObjectStore()));
        lake = new FolderLake(lakeRoot.toString(), stores, new MetadataCopies(lakeRoot.resolve(".footers"), stores), reader);
    }

    @AfterAll
    static void close() throws Exception {
        reader.close();
    }

    @Test
    void writesTheEightTablesWithTheirStandardRowCounts() {
        assertEquals(List.of("tpch"), lake.schemaNames());
        assertEquals(List.of("customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier"), lake.tableNames("tpch"));
        Map<String, Long> expected = Map.of("region", 5L, "nation", 25L, "supplier", 100L, "customer", 1_500L,
                "part", 2_000L, "partsupp", 8_000L, "orders", 15_000L, "lineitem", 60_175L);
        assertEquals(expected, generatedRows);
        expected.forEach((table, rows) -> assertEquals(rows, lake.table("tpch", table).orElseThrow().rowCount(), table));
        assertTrue(progressCalls.get() > 8, "progress was reported");
    }

    @Test
    void largeTablesAreSplitIntoSeveralFiles() {
        assertEquals(4, lake.table("tpch", "lineitem").orElseThrow().splits().size());
        assertEquals(1, lake.table("tpch", "nation").orElseThrow().splits().size());
    }

    @Test
    void readsExactTypesAndFooterStatistics() {
        LakeTable lineitem = lake.table("tpch", "lineitem").orElseThrow();
        assertEquals(new LakeColumn("l_orderkey", "BIGINT"), lineitem.columns().get(0));
        assertEquals(new LakeColumn("l_quantity", "DECIMAL(15,2)"), lineitem.columns().get(4));
        assertEquals(new LakeColumn("l_shipdate", "DATE"), lineitem.columns().get(10));
        Split first = lineitem.splits().get(0);
        ColumnStats orderKey = first.columnStats().get("l_orderkey");
        assertEquals("1", orderKey.min().orElseThrow());
        ColumnStats quantity = first.columnStats().get("l_quantity");
        assertEquals("1.00", quantity.min().orElseThrow());
        assertEquals("50.00", quantity.max().orElseThrow());
        assertTrue(first.columnStats().get("l_shipdate").min().orElseThrow().startsWith("1992-"));
    }

    @Test
    void unknownTableIsEmpty() {
        assertTrue(lake.table("tpch", "nope").isEmpty());
        assertTrue(lake.table("nope", "lineitem").isEmpty());
    }
}
