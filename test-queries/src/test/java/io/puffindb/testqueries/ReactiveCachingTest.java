package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.puffindb.bench.InProcessS3;
import io.puffindb.calcite.tier.Tier;
import io.puffindb.executors.Explanation;
import io.puffindb.executors.FragmentDescription;
import io.puffindb.executors.PlanDescription;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.cache.RamCompression;
import io.puffindb.web.EmbeddedService;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reactive caching on a lake in a real S3-compatible server (in-process): a first query's LAMBDA
 * tasks fetch lineitem into the workers' SSD caches; in the background its files are copied from
 * there into the MONOSTORE's cache and the Registry's cache directory learns it; the planner then
 * reads the directory, so the second run scans on the MONOSTORE from its cache: nothing is read
 * from the store, and the answer is still DuckDB's. That run read lineitem from the MONOSTORE's SSD
 * cache, so it then moves up into the MONOSTORE's RAM layer, where the next run reads it: in each
 * of the layer's forms.
 */
class ReactiveCachingTest {
    /** The MONOSTORE's RAM layer as DuckDB in-memory tables, compressed (the default form). */
    @Nested
    class InMemoryTables extends Scenario {
        @Override
        RamSettings ram(Path caches) {
            return RamSettings.defaults().withMonostoreBytes(1L << 30);
        }

        @Override
        void checkRunFromRam(FragmentDescription fromRam) {
            assertTrue(fromRam.duckDbSql().contains("puffindb_ram.") && !fromRam.duckDbSql().contains("read_parquet"),
                    "EXPLAIN ANALYZE shows the SQL that ran, reading the in-memory table: " + fromRam.duckDbSql());
        }
    }

    /**
     * The RAM layer as copies of files, uncompressed Parquet rewritten by DuckDB: the run from RAM
     * checks they answer the same. Their folder is a plain one here: the test is about what moves
     * where, not about tmpfs.
     */
    @Nested
    class UncompressedFileCopies extends Scenario {
        @Override
        RamSettings ram(Path caches) {
            return new RamSettings(RamSettings.Form.FILES, caches.resolve("ram"), 1L << 30, RamCompression.UNCOMPRESSED);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Scenario {
        S3TpchLake lake;
        InProcessS3 s3;
        EmbeddedService service;
        CaseChecker checker;
        int lineitemFiles;

        abstract RamSettings ram(Path caches);

        /** What else the run from RAM shows in this form. */
        void checkRunFromRam(FragmentDescription fromRam) {
        }

        @BeforeAll
        void start(@TempDir Path local, @TempDir Path caches) throws Exception {
            lake = new S3TpchLake(local, caches, 1L << 30, ram(caches));
            s3 = lake.s3;
            service = lake.service;
            checker = lake.checker;
            lineitemFiles = lake.filesOf("lineitem");
        }

        @AfterAll
        void stop() throws Exception {
            lake.close();
        }

        @Test
        void aSecondRunScansTheMonostoresCacheAndReadsNothingFromTheStore() throws Exception {
            QueryCase q6 = TpchCases.named("tpch-q06");
            assertEquals(Tier.LAMBDA.name(), lineitemScan(q6.sql()).tier(), "cold: the fleet reads the lake");
            checker.failure(q6).ifPresent(failure -> fail("first run: " + failure));

            awaitPromoted(lineitemFiles);
            assertEquals(Tier.MONOSTORE.name(), lineitemScan(q6.sql()).tier(), "warm: the scan moves to the tier that caches lineitem");

            long getsBefore = s3.gets();
            long bytesBefore = s3.bytesServed();
            checker.failure(q6).ifPresent(failure -> fail("second run: " + failure));
            assertEquals(getsBefore, s3.gets(), "object reads during the second run");
            assertEquals(bytesBefore, s3.bytesServed(), "bytes read from the store during the second run");

            // EXPLAIN ANALYZE says where the MONOSTORE's scan found its data: all of it in its SSD cache.
            Explanation analyzed = service.executor().explainAnalyze(q6.sql());
            FragmentDescription scanning = analyzed.fragments().stream().filter(fragment -> fragment.engineReads() != null).findFirst()
                    .orElseThrow(() -> new AssertionError("no fragment says where its files came from: " + analyzed.fragments()));
            assertEquals(Tier.MONOSTORE.name(), scanning.tier());
            assertEquals(lineitemFiles, scanning.engineReads().cachedFiles());
            assertEquals(0, scanning.engineReads().fetchedFiles());

            // The MONOSTORE read lineitem from its SSD cache: in the background it moves one layer up, into RAM.
            awaitInRam(lineitemFiles);
            checker.failure(q6).ifPresent(failure -> fail("run from RAM: " + failure));
            FragmentDescription fromRam = service.executor().explainAnalyze(q6.sql()).fragments().stream()
                    .filter(fragment -> fragment.engineReads() != null).findFirst().orElseThrow();
            assertEquals(lineitemFiles, fromRam.engineReads().ramFiles(), "every lineitem file was read from the MONOSTORE's RAM layer");
            checkRunFromRam(fromRam);
            assertEquals(bytesBefore, s3.bytesServed(), "still nothing read from the store");
        }

        private void awaitInRam(int files) throws Exception {
            JsonNode cache = lake.awaitMonostoreCache("ramFiles", files);
            assertEquals(files, cache.get("ramFiles").asInt(), "lineitem held in the MONOSTORE's RAM: " + cache);
        }

        private void awaitPromoted(int files) throws Exception {
            JsonNode cache = lake.awaitMonostoreCache("promotedIn", files);
            assertTrue(cache.get("promotedIn").asLong() >= files, "lineitem promoted to the MONOSTORE: " + cache);
            assertEquals(0, cache.get("bytesFetched").asLong(), "promotion copies from the workers' caches, not from the lake: " + cache);
        }

        private PlanDescription lineitemScan(String sql) {
            return service.executor().explain(sql).plan().allNodes().stream()
                    .filter(node -> node.operator().equals("TierTableScan") && node.details().contains("lineitem")).findFirst().orElseThrow();
        }
    }
}
