package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.puffindb.calcite.through.ThroughLimits;
import io.puffindb.executors.Explanation;
import io.puffindb.executors.PlanDescription;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SELECT ... THROUGH across three services on loopback, each with its own lake: A (TPC-H), B (a
 * table only B has, with every type that must survive the trip) and C (another table), allowed
 * A → B → C. Answers are checked against one DuckDB over all the files.
 */
class ThroughTest {
    @TempDir
    static Path lakeA;
    @TempDir
    static Path lakeB;
    @TempDir
    static Path lakeC;
    static EmbeddedService a;
    static EmbeddedService b;
    static EmbeddedService c;
    static PuffinClient client;
    static Oracle oracle;
    static BufferAllocator allocator;
    static final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        writeTable(lakeB.resolve("bonly").resolve("typed"), """
                SELECT * FROM (VALUES
                  (1, CAST(12.34 AS DECIMAL(15,2)), DATE '2024-02-29', TIMESTAMP '2024-02-29 12:34:56.789', 'Grüße, 東京 ✓', 0),
                  (2, CAST(-0.01 AS DECIMAL(15,2)), DATE '1970-01-01', TIMESTAMP '1999-12-31 23:59:59', 'plain', 1),
                  (3, NULL, NULL, NULL, NULL, 2),
                  (4, CAST(9999999999999.99 AS DECIMAL(15,2)), DATE '2100-12-31', TIMESTAMP '2100-01-01 00:00:00', '''' || 'quote', 3))
                  AS t(id, amount, day, moment, label, nation)""");
        writeTable(lakeC.resolve("conly").resolve("ratings"), "SELECT range AS nation, range * 10 AS rating FROM range(25)");
        writeTable(lakeB.resolve("tpch").resolve("placeholder"), "SELECT 1 AS x");
        writeTable(lakeC.resolve("tpch").resolve("placeholder"), "SELECT 1 AS x");
        c = EmbeddedService.start(PuffinConfig.embedded(lakeC, 0, 1), GenerationProgress.SILENT);
        b = EmbeddedService.start(PuffinConfig.embedded(lakeB, 0, 1).withThroughAllow(List.of("127.0.0.1:" + c.port())), GenerationProgress.SILENT);
        a = EmbeddedService.start(PuffinConfig.embedded(lakeA, 0, 2).withThroughAllow(List.of("127.0.0.1:" + b.port())), GenerationProgress.SILENT);
        client = new PuffinClient(URI.create("http://127.0.0.1:" + a.port()));
        allocator = new RootAllocator();
        oracle = new Oracle(lakeA, "tpch");
        oracle.attach(lakeB.resolve("bonly"), "bonly");
        oracle.attach(lakeC.resolve("conly"), "conly");
    }

    static void writeTable(Path folder, String select) throws Exception {
        Files.createDirectories(folder);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (" + select + ") TO '" + folder.resolve("part-0.parquet") + "' (FORMAT parquet)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try (BufferAllocator memory = allocator; Oracle duckdb = oracle; EmbeddedService first = a; EmbeddedService second = b;
                EmbeddedService third = c) {
            for (AutoCloseable closeable : closeables) {
                closeable.close();
            }
        }
    }

    private static String b() {
        return "'http://127.0.0.1:" + b.port() + "'";
    }

    private static void assertSameAsDuckDb(String puffinSql, String duckDbSql) throws Exception {
        PuffinClient.Answer answer = client.query(puffinSql, allocator);
        if (answer.error() != null) {
            fail(answer.error().code() + ": " + answer.error().message());
        }
        ResultTable expected = oracle.run(duckDbSql, allocator);
        ResultComparator.differences(expected, answer.result(), OrderDetector.ordersResult(duckDbSql))
                .ifPresent(diff -> fail(puffinSql + "\n" + diff));
    }

    @Test
    void localTableJoinedWithASubqueryOfATableOnlyTheOtherServiceHas() throws Exception {
        assertSameAsDuckDb(
                "select n_name, t.amount, t.label from nation join (select nation, amount, label THROUGH " + b() + " from bonly.typed) as t "
                        + "on n_nationkey = t.nation",
                "select n_name, t.amount, t.label from nation join (select nation, amount, label from bonly.typed) as t on n_nationkey = t.nation");
    }

    @Test
    void typesAndNullsSurviveTheTrip() throws Exception {
        assertSameAsDuckDb("select * from (select * THROUGH " + b() + " from bonly.typed) as t", "select * from bonly.typed");
    }

    @Test
    void threeLevelCascade() throws Exception {
        String cascade = "select n_name, r.rating from nation join (select * THROUGH " + b() + " from (select nation, rating THROUGH "
                + "'http://127.0.0.1:" + c.port() + "' from conly.ratings where rating > 100) as c) as r on n_nationkey = r.nation order by n_name";
        assertSameAsDuckDb(cascade,
                "select n_name, r.rating from nation join conly.ratings as r on n_nationkey = r.nation where rating > 100 order by n_name");
    }

    @Test
    void explainShowsTheThroughBoundaryWithItsEndpoint() {
        Explanation plan = a.executor().explain("select count(*) from (select id THROUGH " + b() + " from bonly.typed) as t");
        assertTrue(plan.plan().allNodes().stream().anyMatch(node -> node.details().contains("through=http://127.0.0.1:" + b.port())),
                plan.text());
    }

    @Test
    void anEndpointOutsideTheAllowListIsRefusedWithoutAConnection() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger accepted = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket socket = listener.accept();
                        accepted.incrementAndGet();
                        socket.close();
                    }
                } catch (Exception closed) {
                    // the listener closed: the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            PuffinClient.Answer answer = client.query("select * from (select * THROUGH 'http://127.0.0.1:" + listener.getLocalPort()
                    + "' from anything) as t", allocator);
            assertNotNull(answer.error());
            assertEquals(403, answer.error().status());
            assertEquals("ENDPOINT_NOT_ALLOWED", answer.error().code());
            assertTrue(answer.error().message().contains("127.0.0.1:" + listener.getLocalPort()));
            Thread.sleep(200);
            assertEquals(0, accepted.get(), "no connection may reach a refused endpoint");
        }
    }

    @Test
    void aDownOrSilentEndpointFailsWithinTheDeadlineNamingIt() throws Exception {
        int downPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            downPort = probe.getLocalPort();
        }
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                EmbeddedService impatient = EmbeddedService.start(PuffinConfig.embedded(lakeA, 0, 1).withQueryTimeout(Duration.ofSeconds(2))
                        .withThroughAllow(List.of("127.0.0.1:*")), GenerationProgress.SILENT)) {
            PuffinClient impatientClient = new PuffinClient(URI.create("http://127.0.0.1:" + impatient.port()));
            // Guards against a hang only; the deadline itself is the service's 2 s.
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                PuffinClient.Answer down = impatientClient.query("select * from (select 1 as x THROUGH 'http://127.0.0.1:" + downPort + "') as t",
                        allocator);
                assertEquals("REMOTE_FAILED", down.error().code(), down.error().message());
                assertTrue(down.error().message().contains("127.0.0.1:" + downPort));
                PuffinClient.Answer slow = impatientClient.query("select * from (select 1 as x THROUGH 'http://127.0.0.1:" + silent.getLocalPort()
                        + "') as t", allocator);
                assertEquals("DEADLINE_EXCEEDED", slow.error().code(), slow.error().message());
                assertTrue(slow.error().message().contains("127.0.0.1:" + silent.getLocalPort()));
            });
        }
    }

    @Test
    void aParseErrorInsideAThroughSubqueryNamesItsLineAndColumnInTheOriginalText() throws Exception {
        PuffinClient.Answer answer = client.query("select *\nfrom (select id THROUGH " + b() + "\n      from bonly.typed where id = = 1) as t", allocator);
        assertEquals("PARSE_ERROR", answer.error().code());
        assertEquals(3, answer.error().line());
        assertEquals(33, answer.error().column()); // Calcite points at the start of "= ="
    }

    @Test
    void tierPinsShowInThePlanAndKeepTheAnswer() throws Exception {
        String pinned = "select l_returnflag, count(*) as n from (select l_returnflag THROUGH 'lambda' from lineitem where l_quantity > 10) as t "
                + "group by l_returnflag";
        assertSameAsDuckDb(pinned, "select l_returnflag, count(*) as n from lineitem where l_quantity > 10 group by l_returnflag");
        List<PlanDescription> nodes = a.executor().explain(pinned).plan().allNodes();
        assertEquals("LAMBDA", nodes.stream().filter(node -> node.operator().equals("TierTableScan")).findFirst().orElseThrow().tier());
        String monostore = "select count(*) as n from (select l_orderkey THROUGH 'monostore' from lineitem where l_quantity > 10) as t";
        assertSameAsDuckDb(monostore, "select count(*) as n from lineitem where l_quantity > 10");
        List<PlanDescription> onMonostore = a.executor().explain(monostore).plan().allNodes();
        assertEquals("MONOSTORE", onMonostore.stream().filter(node -> node.operator().equals("TierTableScan")).findFirst().orElseThrow().tier());
        assertTrue(onMonostore.stream().filter(node -> node.operator().equals("TierTableScan")).findFirst().orElseThrow().details()
                .contains("pinned=MONOSTORE"), "the pin shows in EXPLAIN");
    }

    @Test
    void aCascadeDeeperThanTheLimitOrTooWideIsRefusedBeforeAnyServiceIsCalled() throws Exception {
        // The service allows itself: a self-cascade would hold one request open per level.
        String self = "'http://127.0.0.1:" + a.port() + "'";
        String cascade = "select n_name from nation";
        for (int level = 0; level < ThroughLimits.DEFAULTS.maxDepth() + 1; level++) {
            cascade = "select n_name THROUGH " + self + " from (" + cascade + ") as t" + level;
        }
        PuffinClient.Answer deep = client.query(cascade, allocator);
        assertEquals("VALIDATION_ERROR", deep.error().code(), deep.error().message());
        assertTrue(deep.error().message().contains("levels deep"), deep.error().message());

        String wide = java.util.stream.IntStream.rangeClosed(0, ThroughLimits.DEFAULTS.maxFanIn())
                .mapToObj(i -> "select n_name THROUGH " + b() + " from nation")
                .collect(java.util.stream.Collectors.joining(" union all "));
        PuffinClient.Answer fanIn = client.query(wide, allocator);
        assertEquals("VALIDATION_ERROR", fanIn.error().code(), fanIn.error().message());
        assertTrue(fanIn.error().message().contains("subqueries THROUGH other services"), fanIn.error().message());
    }
}
