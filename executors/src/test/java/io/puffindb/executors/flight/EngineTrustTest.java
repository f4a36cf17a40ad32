package io.puffindb.executors.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.executors.EngineLimits;
import io.puffindb.executors.WorkerNode;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.executors.fragment.TaskSpec;
import io.puffindb.executors.trust.ClusterSecret;
import io.puffindb.lake.store.LocalObjectStore;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.registry.CacheLayer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engines run only our fragments, over real Flight on loopback and real DuckDB: a MONOSTORE and a
 * worker sharing a cluster secret refuse callers without its proof, tickets they did not sign,
 * tickets whose query ended or expired, and — even from a validly signed ticket — SQL reaching files
 * outside their lake and caches.
 */
class EngineTrustTest {
    @TempDir
    Path root;
    private final ClusterSecret secret = ClusterSecret.generate();
    private final ObjectStores stores = new ObjectStores(List.of(new LocalObjectStore()));
    private BufferAllocator allocator;
    private WorkerNode monostore;
    private WorkerNode worker;
    private FlightClients members;
    private Path lake;

    @BeforeEach
    void start() throws Exception {
        lake = Files.createDirectories(root.resolve("lake"));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT range AS n FROM range(1000)) TO '" + lake.resolve("numbers.parquet") + "' (FORMAT parquet)");
        }
        allocator = new RootAllocator();
        monostore = node(CacheLayer.MONOSTORE_SSD);
        worker = node(CacheLayer.WORKER_SSD);
        members = new FlightClients(allocator, secret);
    }

    private WorkerNode node(CacheLayer layer) {
        return new WorkerNode("127.0.0.1", PortRange.ANY, new EngineLimits(1, "512MB", "1GB"), 1024, stores, root.resolve("cache"), 1L << 30, RamSettings.NONE,
                Optional.empty(), layer, secret, List.of(lake));
    }

    @AfterEach
    void stop() throws Exception {
        try (BufferAllocator memory = allocator; WorkerNode a = monostore; WorkerNode b = worker; FlightClients clients = members) {
            // closed in reverse order
        }
    }

    private List<WorkerNode> engines() {
        return List.of(monostore, worker);
    }

    private TaskSpec task(String queryId, String sql) {
        return new TaskSpec(queryId, "t-" + UUID.randomUUID(), sql, List.of(), List.of());
    }

    private String numbers() {
        return "read_parquet('" + lake.resolve("numbers.parquet") + "')";
    }

    @Test
    void everyEngineRefusesCallersWithoutTheClustersProof() throws Exception {
        byte[] ticket = monostore.tickets().forQuery("q", Duration.ofMinutes(1), List.of()).stream(task("q", "SELECT 1"));
        ClusterSecret other = ClusterSecret.generate();
        for (WorkerNode engine : engines()) {
            try (FlightClient stranger = FlightClient.builder(allocator, new Location(engine.location())).build();
                    FlightClients outsiders = new FlightClients(allocator, other)) {
                assertRefused(FlightStatusCode.UNAUTHENTICATED, "members of its cluster only", () -> drain(stranger.getStream(new Ticket(ticket))));
                assertRefused(FlightStatusCode.UNAUTHENTICATED, "members of its cluster only",
                        () -> stranger.doAction(new Action(TaskUsages.ACTION, "q/t".getBytes(StandardCharsets.UTF_8))).hasNext());
                assertRefused(FlightStatusCode.UNAUTHENTICATED, "members of its cluster only",
                        () -> drain(outsiders.to(engine.location()).getStream(new Ticket(ticket))));
            }
            assertEquals(1, rows(members.to(engine.location()).getStream(new Ticket(ticket))), "a member is answered");
        }
    }

    @Test
    void unsignedForgedOrAlteredTicketsAreRefused() throws Exception {
        TaskSpec spec = task("q", "SELECT 1 AS one");
        byte[] signed = monostore.tickets().forQuery("q", Duration.ofMinutes(1), List.of()).stream(spec);
        byte[] forged = new TaskTickets(ClusterSecret.generate(), Clock.systemUTC(), members).forQuery("q", Duration.ofMinutes(1), List.of())
                .stream(spec);
        byte[] altered = Arrays.copyOf(signed, signed.length);
        altered[3] = (byte) (altered[3] == 'A' ? 'B' : 'A');
        byte[] plainSql = ("{\"queryId\":\"q\",\"taskId\":\"t\",\"sql\":\"SELECT 1\",\"inputs\":[],\"files\":[]}").getBytes(StandardCharsets.UTF_8);
        for (WorkerNode engine : engines()) {
            for (byte[] bad : List.of(plainSql, forged, altered)) {
                assertRefused(FlightStatusCode.UNAUTHENTICATED, "Not a ticket signed by this cluster's MONOSTORE",
                        () -> drain(members.to(engine.location()).getStream(new Ticket(bad))));
            }
            assertEquals(1, rows(members.to(engine.location()).getStream(new Ticket(signed))));
        }
    }

    @Test
    void aTicketReplayedAfterItsQueryEndedIsRefused() throws Exception {
        QueryTickets query = monostore.tickets().forQuery("q-ended", Duration.ofMinutes(5), List.of(worker.location()));
        byte[] ticket = query.stream(task("q-ended", "SELECT n FROM " + numbers()));
        assertEquals(1000, rows(members.to(worker.location()).getStream(new Ticket(ticket))), "runs while its query runs");
        query.end().join();
        assertRefused(FlightStatusCode.UNAUTHORIZED, "has ended", () -> drain(members.to(worker.location()).getStream(new Ticket(ticket))));
        assertRefused(FlightStatusCode.UNAUTHORIZED, "has ended", () -> drain(members.to(monostore.location()).getStream(new Ticket(ticket))));
    }

    @Test
    void anExpiredTicketIsRefused() {
        // Issued an hour ago, for a query with a one-minute deadline.
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        byte[] ticket = new TaskTickets(secret, anHourAgo, members).forQuery("q-old", Duration.ofMinutes(1), List.of())
                .stream(task("q-old", "SELECT 1"));
        for (WorkerNode engine : engines()) {
            assertRefused(FlightStatusCode.UNAUTHORIZED, "expired", () -> drain(members.to(engine.location()).getStream(new Ticket(ticket))));
        }
    }

    @Test
    void aQueryEndNoticeMustBeSignedToo() {
        assertRefused(FlightStatusCode.UNAUTHENTICATED, "Not a notice signed",
                () -> members.to(worker.location()).doAction(new Action(TaskTickets.END_ACTION, "{\"queryId\":\"q\"}".getBytes(StandardCharsets.UTF_8)))
                        .hasNext());
    }

    @Test
    void signedTicketsCannotReachFilesOutsideTheLakeAndCaches() throws Exception {
        Path written = root.resolve("written.csv");
        QueryTickets query = monostore.tickets().forQuery("q-evil", Duration.ofMinutes(1), List.of());
        for (WorkerNode engine : engines()) {
            for (String sql : List.of("SELECT * FROM read_text('/etc/passwd')", "SELECT * FROM read_csv('/etc/passwd')",
                    "SELECT * FROM glob('/etc/*')", "SELECT * FROM read_text('" + lake + "/../../../../etc/passwd')")) {
                FlightRuntimeException refused = assertThrows(FlightRuntimeException.class,
                        () -> drain(members.to(engine.location()).getStream(new Ticket(query.stream(task("q-evil", sql))))), sql);
                assertTrue(refused.getMessage().contains("Permission Error") && refused.getMessage().contains("disabled by configuration"),
                        sql + ": " + refused.getMessage());
            }
            // COPY cannot even be a task's query; DuckDB refuses it in the engine's own connection anyway (below).
            assertThrows(FlightRuntimeException.class, () -> drain(members.to(engine.location())
                    .getStream(new Ticket(query.stream(task("q-evil", "COPY (SELECT 1) TO '" + written + "'"))))));
            assertFalse(Files.exists(written));
        }
    }

    @Test
    void everyEnginesDuckDbIsLockedDown() throws Exception {
        Path written = root.resolve("written.csv");
        for (WorkerNode engine : engines()) {
            try (Connection connection = engine.engine().connect()) {
                assertDuckDbRefuses(connection, "COPY (SELECT 1) TO '" + written + "'", "Permission Error");
                assertDuckDbRefuses(connection, "SELECT * FROM read_text('/etc/passwd')", "Permission Error");
                assertDuckDbRefuses(connection, "ATTACH '" + root.resolve("other.db") + "' AS other", "Permission Error");
                assertDuckDbRefuses(connection, "INSTALL httpfs", "Permission Error");
                assertDuckDbRefuses(connection, "LOAD httpfs", "disabled through configuration");
                assertDuckDbRefuses(connection, "SET enable_external_access = true", "the configuration has been locked");
                assertDuckDbRefuses(connection, "SET allowed_directories = ['/']", "the configuration has been locked");
                assertDuckDbRefuses(connection, "RESET enable_external_access", "the configuration has been locked");
                assertDuckDbRefuses(connection, "SELECT * FROM read_parquet('http://127.0.0.1:9/x.parquet')", "Permission Error");
            }
            assertFalse(Files.exists(written));
            assertFalse(Files.exists(root.resolve("other.db")));
        }
    }

    @Test
    void lockedDownEnginesStillReadTheLakeSpillAndStreamArrowToEachOther() throws Exception {
        // Spilling: a sort far beyond the engine's memory limit answers only if DuckDB may write its temp folder.
        try (WorkerNode small = new WorkerNode("127.0.0.1", PortRange.ANY, new EngineLimits(1, "64MB", "1GB"), 1024, stores, root.resolve("cache"), 1L << 30,
                RamSettings.NONE, Optional.empty(), CacheLayer.WORKER_SSD, secret, List.of(lake));
                Connection connection = small.engine().connect(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM (SELECT md5(range::VARCHAR) AS m FROM range(3000000) ORDER BY m)")) {
            assertTrue(rows.next());
            assertEquals(3_000_000, rows.getLong(1));
        }
        // Arrow between engines: the worker's task registers a stream pulled from the MONOSTORE's held result.
        byte[] held = monostore.results().put(arrowOfNumbers(10));
        QueryTickets query = monostore.tickets().forQuery("q-join", Duration.ofMinutes(1), List.of(worker.location()));
        TaskSpec join = new TaskSpec("q-join", "t-join", "SELECT count(*) AS c FROM " + numbers() + " JOIN small ON n = k",
                List.of(new TaskSpec.StreamInput("small", monostore.location(), held)), List.of());
        try (FlightStream stream = members.to(worker.location()).getStream(new Ticket(query.stream(join)))) {
            assertTrue(stream.next());
            assertEquals(10L, ((BigIntVector) stream.getRoot().getVector("c")).get(0));
        }
        monostore.results().remove(held);
    }

    private byte[] arrowOfNumbers(int count) throws Exception {
        try (BigIntVector k = new BigIntVector("k", allocator)) {
            k.allocateNew(count);
            for (int i = 0; i < count; i++) {
                k.set(i, i * 7L);
            }
            k.setValueCount(count);
            try (VectorSchemaRoot batch = VectorSchemaRoot.of(k)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ArrowStreamWriter writer = new ArrowStreamWriter(batch, null, bytes)) {
                    writer.start();
                    writer.writeBatch();
                    writer.end();
                }
                return bytes.toByteArray();
            }
        }
    }

    private static void assertDuckDbRefuses(Connection connection, String sql, String refusal) {
        Exception refused = assertThrows(Exception.class, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }, sql);
        assertTrue(refused.getMessage().contains(refusal), sql + ": " + refused.getMessage());
    }

    private static void assertRefused(FlightStatusCode code, String why, org.junit.jupiter.api.function.Executable call) {
        FlightRuntimeException refused = assertThrows(FlightRuntimeException.class, call);
        assertEquals(code, refused.status().code(), refused.getMessage());
        assertTrue(refused.getMessage().contains(why), refused.getMessage());
    }

    private static void drain(FlightStream stream) throws Exception {
        try (stream) {
            while (stream.next()) {
                // rows are not what is under test
            }
        }
    }

    private static long rows(FlightStream stream) throws Exception {
        long rows = 0;
        try (stream) {
            while (stream.next()) {
                rows += stream.getRoot().getRowCount();
            }
        }
        return rows;
    }
}
