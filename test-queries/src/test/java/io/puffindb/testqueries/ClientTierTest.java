package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.puffindb.lake.cache.CacheListener;
import io.puffindb.lake.cache.RamCompression;
import io.puffindb.lake.cache.RamLayer;
import io.puffindb.web.ClientCache;
import io.puffindb.web.ClientTier;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLIENT tier over a lake in the in-process S3 server. While the client's cache holds nothing,
 * the service runs the query; once the MONOSTORE caches lineitem, the client copies it from there
 * (nothing from S3); then the service's plan for this client runs wholly on the client, whose own
 * DuckDB answers as DuckDB alone does, with no read from S3 and none from the MONOSTORE's cache;
 * what it read then goes into the client's RAM layer (uncompressed), from which the next run answers.
 */
class ClientTierTest {
    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    static Path local;
    @TempDir
    static Path caches;
    @TempDir
    static Path clientFolder;
    @TempDir
    static Path clientRam;
    static S3TpchLake lake;
    static int lineitemFiles;

    @BeforeAll
    static void start() throws Exception {
        lake = new S3TpchLake(local, caches, 1L << 30);
        lineitemFiles = lake.filesOf("lineitem");
    }

    @AfterAll
    static void stop() throws Exception {
        lake.close();
    }

    @Test
    void aClientHoldingTheFilesRunsTheQueryItselfAndTheServiceReadsNothing() throws Exception {
        QueryCase q6 = TpchCases.named("tpch-q06");
        RamLayer ram = new RamLayer(clientRam, 1L << 30, RamCompression.UNCOMPRESSED, CacheListener.NONE);
        ClientTier client = new ClientTier("http://127.0.0.1:" + lake.service.port(), new ClientCache(clientFolder, 1L << 30, ram), Duration.ofMinutes(1));

        assertTrue(client.plan(q6.sql()).clientSql().isEmpty(), "cold: the client holds nothing, the service runs the query");
        lake.checker.failure(q6).ifPresent(failure -> fail("cold run: " + failure));
        lake.awaitMonostoreCache("promotedIn", lineitemFiles);

        ClientTier.Plan warm = client.plan(q6.sql());
        assertTrue(warm.clientSql().isEmpty(), "warm: still the service's");
        lake.checker.failure(q6).ifPresent(failure -> fail("warm run: " + failure));
        long s3Bytes = lake.s3.bytesServed();
        assertEquals(new ClientTier.Promoted(lineitemFiles, 0), client.promote(warm, SILENT), "the client copies what the query read");
        assertEquals(s3Bytes, lake.s3.bytesServed(), "from the MONOSTORE's cache, not from the lake");

        long monostoreHits = lake.monostoreCache().get("hits").asLong();
        ClientTier.Plan hot = client.plan(q6.sql());
        assertTrue(hot.clientSql().isPresent(), "hot: the whole plan runs on the client");
        assertEquals(lineitemFiles, hot.files().size());
        ResultTable answer = client.runLocally(hot, lake::read);
        ResultComparator.differences(lake.oracle.run(q6.sql(), lake.allocator), answer, false).ifPresent(difference -> fail("client run: " + difference));
        assertEquals(s3Bytes, lake.s3.bytesServed(), "nothing read from S3");
        assertEquals(monostoreHits, lake.monostoreCache().get("hits").asLong(), "nothing read by the MONOSTORE");
        // The client's DuckDB runs the SQL the service rendered, yet answers under DuckDB's names for the caller's SQL.
        String unaliased = "select l_returnflag flag, count(*) cnt, sum(l_quantity), 1 + 1 from lineitem group by l_returnflag having count(*) >= 10";
        ClientTier.Plan named = client.plan(unaliased);
        assertTrue(named.clientSql().isPresent(), "hot: runs on the client");
        ResultComparator.differences(lake.oracle.run(unaliased, lake.allocator), client.runLocally(named, lake::read), false)
                .ifPresent(difference -> fail("client run, names: " + difference));

        assertEquals(new ClientTier.Promoted(0, lineitemFiles), client.promote(hot, SILENT), "what the client read goes into its RAM layer");
        // Each file is now in both layers: the client must read one copy of each, three runs in a row.
        for (int run = 0; run < 3; run++) {
            ResultTable hotAgain = client.runLocally(client.plan(q6.sql()), lake::read);
            ResultComparator.differences(lake.oracle.run(q6.sql(), lake.allocator), hotAgain, false).ifPresent(difference -> fail("run from RAM: " + difference));
        }
        try (Stream<Path> ssdCopies = Files.list(clientFolder)) {
            for (Path copy : ssdCopies.filter(path -> path.getFileName().toString().endsWith(".parquet")).toList()) {
                Files.delete(copy); // so the next run can only have read the RAM copies
            }
        }
        ResultTable fromRam = client.runLocally(client.plan(q6.sql()), lake::read);
        ResultComparator.differences(lake.oracle.run(q6.sql(), lake.allocator), fromRam, false).ifPresent(difference -> fail("run from RAM: " + difference));
    }

}
