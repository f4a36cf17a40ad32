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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLIENT tier over a lake in the in-process S3 server, as `./puffindb query --cache DIR` runs it:
 * the 22 TPC-H queries in four rounds — cold (the client holds nothing), warm (the MONOSTORE has
 * cached what the first round read), hot from the client's SSD copies, hot from its RAM copies —
 * each answer (names, types, rows) equal to DuckDB alone's, whichever side ran it.
 */
class ClientTierMatrixTest {
    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());
    private static final List<String> ROUNDS = List.of("cold", "warm", "hot (SSD)", "hot (RAM)");

    @TempDir
    static Path local;
    @TempDir
    static Path caches;
    @TempDir
    static Path clientFolder;
    @TempDir
    static Path clientRam;
    static S3TpchLake lake;

    @BeforeAll
    static void start() throws Exception {
        lake = new S3TpchLake(local, caches, 1L << 30);
    }

    @AfterAll
    static void stop() throws Exception {
        lake.close();
    }

    @Test
    void everyTpchAnswerIsDuckDbsInEveryCacheState() throws Exception {
        RamLayer ram = new RamLayer(clientRam, 1L << 30, RamCompression.UNCOMPRESSED, CacheListener.NONE);
        ClientTier client = new ClientTier("http://127.0.0.1:" + lake.service.port(), new ClientCache(clientFolder, 1L << 30, ram), Duration.ofMinutes(1));
        List<String> failures = new ArrayList<>();
        List<Integer> onClient = new ArrayList<>();
        for (String round : ROUNDS) {
            int ranOnClient = 0;
            List<ClientTier.Plan> plans = new ArrayList<>();
            for (QueryCase query : TpchCases.all()) {
                ClientTier.Plan plan = client.plan(query.sql());
                plans.add(plan);
                if (plan.clientSql().isPresent()) {
                    ranOnClient++;
                    ResultTable duckdb = lake.oracle.run(query.sql(), lake.allocator);
                    CaseChecker.differences(new ExpectedResult.Expected(duckdb, duckdb.rows().size(), null), client.runLocally(plan, lake::read), query.sql())
                            .ifPresent(difference -> failures.add(round + ", on the client, " + query.name() + ": " + difference));
                } else {
                    lake.checker.failure(query).ifPresent(failure -> failures.add(round + ", on the service, " + query.name() + ": " + failure));
                }
            }
            onClient.add(ranOnClient);
            if (round.equals("cold")) {
                // Nothing is copied to the client yet: the MONOSTORE first caches what the round read.
                lake.awaitMonostoreCache("promotedIn", lake.filesOf("lineitem"));
                continue;
            }
            // Between rounds, as the CLI does after each answer: copies from the MONOSTORE, then into RAM.
            for (ClientTier.Plan plan : plans) {
                client.promote(plan, SILENT);
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
        assertEquals(0, onClient.get(0), "cold: the client holds nothing, the service runs every query " + onClient);
        assertEquals(0, onClient.get(1), "warm: the client still holds nothing " + onClient);
        // Where a query runs is the planner's choice; that the hot rounds run on the client at all is what makes them hot.
        assertTrue(onClient.get(2) > TpchCases.all().size() / 2 && onClient.get(3) > TpchCases.all().size() / 2,
                "hot: most queries run on the client " + onClient);
    }
}
