package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.puffindb.bench.InProcessS3;
import io.puffindb.cost.DeploymentCosts;
import io.puffindb.executors.Explanation;
import io.puffindb.executors.HandoverSettings;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.executors.flight.FlightClients;
import io.puffindb.executors.flight.QueryTickets;
import io.puffindb.executors.flight.TaskHandover;
import io.puffindb.executors.flight.TaskStats;
import io.puffindb.executors.flight.TaskTickets;
import io.puffindb.executors.fragment.TaskSpec;
import io.puffindb.executors.trust.ClusterSecret;
import io.puffindb.lake.cache.FileCache;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.lake.demo.TpchLakeGenerator;
import io.puffindb.lake.store.S3ObjectStore;
import io.puffindb.lake.store.StoredObject;
import io.puffindb.lambda.LambdaSettings;
import io.puffindb.lambda.LambdaTaskInvoker;
import io.puffindb.registry.Registries;
import io.puffindb.registry.Registry;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import io.puffindb.web.StorageConfig;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LAMBDA tier on serverless functions, locally and for real: the handler runs in runtime processes
 * under the official runtime interface client, polling a Runtime API this test serves
 * ({@link LocalLambda}); the MONOSTORE invokes it through the AWS SDK's Lambda client at the matching
 * Invoke API. The lake is on the in-process S3 server, the Registry on the real Redis. One service,
 * one lake and one set of runtimes serve the whole class.
 */
// The retry test goes last: its late answer holds an Invoke API call open after the query ends, which other tests would count in flight.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LambdaTierTest {
    private static final String LAKE = "s3://lake/demo";
    private static final String TASKS = "puffindb-tasks";
    // One instance only: a task invoked twice is sure to find the same instance, warm.
    private static final String ONE_INSTANCE = "puffindb-one-instance";
    // Longer than any task here (on a loaded 2-core host an instance's first task took 10 s); the injected late answer comes after it.
    private static final Duration INVOCATION_TIMEOUT = Duration.ofSeconds(20);
    // Fewer than the 4 files of a large table, whose scan's tasks would all be invoked at once without the limit.
    private static final int CONCURRENCY = 2;
    // An instance's init (a JVM starting, DuckDB loading) on a loaded host.
    private static final Duration INIT_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    static Path local;
    @TempDir
    static Path work;
    static InProcessS3 s3;
    static S3ObjectStore store;
    static LocalLambda lambda;
    static LocalLambda.Function tasks;
    static LocalLambda.Function oneInstance;
    static FunctionRuntimes runtimes;
    static FunctionRuntimes oneRuntime;
    static String redis;
    static Registry registry;
    static ClusterSecret secret;
    static BufferAllocator allocator;
    static FlightClients clients;
    static TaskTickets tickets;
    static LambdaTaskInvoker invoker;
    static EmbeddedService service;
    static Oracle oracle;
    static CaseChecker checker;

    @BeforeAll
    static void start() throws Exception {
        new TpchLakeGenerator(0.01).generate(local.resolve("tpch"), GenerationProgress.SILENT);
        s3 = new InProcessS3("lake", "spill");
        s3.uploadFolder(local, LAKE);
        store = new S3ObjectStore(s3.settings());
        redis = "redis://127.0.0.1:6379/lambda-" + UUID.randomUUID();
        registry = Registries.open(redis);
        Path secretFile = SecretFiles.write(work.resolve("secret"));
        secret = ClusterSecret.readFrom(secretFile);
        lambda = new LocalLambda();
        tasks = lambda.create(TASKS);
        oneInstance = lambda.create(ONE_INSTANCE);
        Map<String, String> handlerSettings = Map.of(
                "PUFFINDB_REGISTRY", redis,
                "PUFFINDB_CLUSTER_SECRET_FILE", secretFile.toString(),
                "PUFFINDB_S3_ENDPOINT", s3.settings().endpoint().orElseThrow(),
                "PUFFINDB_S3_PATH_STYLE", "true",
                "PUFFINDB_S3_ACCESS_KEY", s3.settings().accessKey().orElseThrow(),
                "PUFFINDB_S3_SECRET_KEY", s3.settings().secretKey().orElseThrow(),
                "PUFFINDB_DUCKDB_THREADS", "1",
                "PUFFINDB_DUCKDB_MEMORY", "512MB");
        runtimes = new FunctionRuntimes(tasks, 2, handlerSettings, work.resolve("runtimes"));
        oneRuntime = new FunctionRuntimes(oneInstance, 1, handlerSettings, work.resolve("runtimes"));
        // The SDK's default credential chain, as on AWS; the local endpoint does not check signatures.
        System.setProperty("aws.accessKeyId", "local-test");
        System.setProperty("aws.secretAccessKey", "local-test-secret");
        allocator = new RootAllocator();
        clients = new FlightClients(allocator, secret);
        tickets = new TaskTickets(secret, Clock.systemUTC(), clients);
        // Direct invocations wait out a cold start too: they test the handler, not retries.
        invoker = new LambdaTaskInvoker(new LambdaSettings(ONE_INSTANCE, Optional.of(lambda.endpoint()), "us-east-1", 1, 1, INIT_TIMEOUT));

        StorageConfig storage = new StorageConfig(s3.settings(), work.resolve("caches"), 1L << 30, 0, List.of());
        PuffinConfig config = PuffinConfig.embedded(local, 0, 2).withLake(LAKE, storage).withRam(RamSettings.NONE)
                .withCostShape(DeploymentCosts.Shape.FLEET).withRegistry(redis).withClusterSecretFile(secretFile)
                .withHandover(new HandoverSettings(HandoverSettings.Mode.AUTO, 1L << 20, "s3://spill/handover", Duration.ofMinutes(1)))
                .withLambda(settings(TASKS));
        service = EmbeddedService.start(config, GenerationProgress.SILENT, CheckedService::fleetOverFastLink);
        // The service's invocations time out well before a cold start ends: its instances are initialized first, as provisioned ones are.
        assertTrue(tasks.awaitRuntimes(2, INIT_TIMEOUT), () -> "the runtimes did not start: " + tasks.initErrors() + "\n" + logsOf(runtimes));
        oracle = new Oracle(local, "tpch");
        checker = new CaseChecker(new PuffinClient(URI.create("http://127.0.0.1:" + service.port())), oracle, allocator);
    }

    private static LambdaSettings settings(String function) {
        return new LambdaSettings(function, Optional.of(lambda.endpoint()), "us-east-1", CONCURRENCY, 3, INVOCATION_TIMEOUT);
    }

    @AfterAll
    static void stop() throws Exception {
        // The runtimes' cold starts, for the README: JVM start, init (DuckDB), first task.
        for (FunctionRuntimes started : List.of(runtimes, oneRuntime)) {
            started.logs().lines().filter(line -> line.contains("Cold start") || line.contains("First task") || line.contains("DuckDB of"))
                    .forEach(System.out::println);
        }
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        try (AutoCloseable l = lambda; AutoCloseable s = s3; AutoCloseable st = store; AutoCloseable rg = registry; AutoCloseable rt = runtimes;
                AutoCloseable one = oneRuntime; AutoCloseable a = allocator; AutoCloseable c = clients; AutoCloseable t = tickets;
                AutoCloseable i = invoker; AutoCloseable sv = service; AutoCloseable o = oracle) {
            // closed in reverse order
        }
    }

    @Test
    void aTaskIsAnsweredByTheHandlerAndItsSmallOutputIsHandedOverThroughTheRegistry() throws Exception {
        TaskSpec task = scanOf("nation");
        TaskHandover.Stage stage = new TaskHandover.Stage("stage-" + UUID.randomUUID(), 1L << 20, "s3://spill/direct", 60_000, 1L << 30);
        registry.startStage(stage.stageId(), 1);
        TaskHandover.Outcome outcome = invoker.run("lambda:" + ONE_INSTANCE, ticketOf(task, stage));
        assertEquals(TaskStats.REGISTRY, outcome.where());
        long rows = rowsOf("nation");
        assertEquals(rows, outcome.rows());
        assertEquals(0, registry.remainingTasks(stage.stageId()), "the handler counted its task complete");
        byte[] handed = registry.result(TaskHandover.resultKey(task)).orElseThrow(() -> new AssertionError("no output in the Registry"));
        assertEquals(rows, rowsIn(handed), "the Registry holds the task's rows as Arrow IPC");
        registry.deleteResult(TaskHandover.resultKey(task));
        registry.endStage(stage.stageId());
    }

    @Test
    void anOutputOverTheRegistrySizeLimitGoesToTheObjectStore() throws Exception {
        TaskSpec task = scanOf("supplier");
        TaskHandover.Stage stage = new TaskHandover.Stage("stage-" + UUID.randomUUID(), 0, "s3://spill/direct", 60_000, 1L << 30);
        registry.startStage(stage.stageId(), 1);
        TaskHandover.Outcome outcome = invoker.run("lambda:" + ONE_INSTANCE, ticketOf(task, stage));
        assertEquals(TaskStats.SPILL, outcome.where());
        assertEquals(rowsOf("supplier"), outcome.rows());
        assertTrue(registry.result(TaskHandover.resultKey(task)).isEmpty(), "nothing in the Registry");
        String uri = TaskHandover.spillUri(stage.spillFolder(), task);
        StoredObject spilled = store.stat(uri).orElseThrow(() -> new AssertionError("no output at " + uri));
        assertEquals(outcome.bytes(), spilled.size());
        assertEquals(0, registry.remainingTasks(stage.stageId()));
        store.delete(uri);
        registry.endStage(stage.stageId());
    }

    @Test
    void aWarmInvocationReadsItsFilesFromTheInstanceCacheNotTheStore() throws Exception {
        TaskHandover.Stage stage = new TaskHandover.Stage("stage-" + UUID.randomUUID(), 1L << 20, "s3://spill/direct", 60_000, 1L << 30);
        registry.startStage(stage.stageId(), 2);
        TaskSpec cold = scanOf("orders");
        TaskHandover.Outcome first = invoker.run("lambda:" + ONE_INSTANCE, ticketOf(cold, stage));
        assertTrue(first.cache().fetchedFiles() > 0, "the first invocation fetched its files: " + first.cache());
        long getsBefore = s3.gets();
        TaskSpec warm = new TaskSpec(cold.queryId(), cold.taskId() + "-again", cold.sql(), List.of(), cold.files());
        TaskHandover.Outcome second = invoker.run("lambda:" + ONE_INSTANCE, ticketOf(warm, stage));
        assertEquals(0, s3.gets() - getsBefore, "GETs at the S3 server for the warm invocation");
        assertEquals(first.rows(), second.rows());
        assertEquals(cold.files().size(), second.cache().cachedFiles(), "every file came from the instance's cache");
        for (TaskSpec task : List.of(cold, warm)) {
            registry.deleteResult(TaskHandover.resultKey(task));
        }
        registry.endStage(stage.stageId());
    }

    @Test
    void tpchAnswersEqualDuckDbsWithEveryLambdaTaskRunAsAnInvocation() throws Exception {
        int answeredBefore = tasks.answered();
        for (QueryCase query : TpchCases.all()) {
            checker.failure(query).ifPresent(failure -> fail(query.name() + " over invocations: " + failure));
        }
        assertTrue(tasks.answered() > answeredBefore, "the function's runtimes answered the tasks");
        assertEquals(CONCURRENCY, tasks.mostInFlight(), "invocations at once: the limit, which 4-file scans reach");
        List<TaskStats> q3 = lambdaTasks(TpchCases.sql("tpch-q03"));
        assertEquals(List.of("lambda:" + TASKS), q3.stream().map(TaskStats::worker).distinct().toList(), "every LAMBDA task was an invocation");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aFailedAndATimedOutInvocationAreRetriedAndTheAnswerIsUnchanged() throws Exception {
        tasks.crashNext(1);
        tasks.delayNext(1, INVOCATION_TIMEOUT.plusSeconds(2));
        checker.failure(TpchCases.named("tpch-q03")).ifPresent(failure -> fail("tpch-q03 with a crashed and a late invocation: " + failure));
        assertEquals(2, tasks.injected(), "both faults met an invocation of the query");
        assertTrue(runtimes.allAlive(), () -> "a runtime died: " + logsOf(runtimes));
    }

    private static String logsOf(FunctionRuntimes runtimes) {
        try {
            return runtimes.logs();
        } catch (java.io.IOException e) {
            return "(no logs: " + e.getMessage() + ")";
        }
    }

    // The tasks that ran on the LAMBDA tier for this query (checked to be some).
    private static List<TaskStats> lambdaTasks(String sql) {
        Explanation analyzed = service.executor().explainAnalyze(sql);
        List<TaskStats> ran = analyzed.fragments().stream().flatMap(fragment -> fragment.actualTasks().stream()).toList();
        assertFalse(ran.isEmpty(), "the query ran LAMBDA tasks");
        return ran;
    }

    // A task reading every file of a table from the lake, as the planner renders one: files named by their cache names.
    private static TaskSpec scanOf(String table) throws Exception {
        List<StoredObject> files;
        try (Stream<Path> listed = Files.list(local.resolve("tpch").resolve(table))) {
            files = listed.sorted().map(file -> LAKE + "/tpch/" + table + "/" + file.getFileName())
                    .map(uri -> store.stat(uri).orElseThrow(() -> new AssertionError("not uploaded: " + uri))).toList();
        }
        String names = files.stream().map(file -> "'" + FileCache.nameOf(file) + "'").collect(Collectors.joining(", "));
        return new TaskSpec("query-" + UUID.randomUUID(), "scan-" + table, "SELECT * FROM read_parquet([" + names + "])", List.of(), files);
    }

    private static byte[] ticketOf(TaskSpec task, TaskHandover.Stage stage) {
        QueryTickets query = tickets.forQuery(task.queryId(), Duration.ofMinutes(5), List.of());
        return query.handover(task, stage);
    }

    // DuckDB alone over the local copy of the same files.
    private static long rowsOf(String table) throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM read_parquet('" + local.resolve("tpch").resolve(table) + "/*')")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static long rowsIn(byte[] ipc) throws Exception {
        long rows = 0;
        try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(ipc), allocator)) {
            while (reader.loadNextBatch()) {
                rows += reader.getVectorSchemaRoot().getRowCount();
            }
        }
        return rows;
    }
}
