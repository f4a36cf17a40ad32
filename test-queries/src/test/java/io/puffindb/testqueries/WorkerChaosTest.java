package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chaos over three worker processes: every TPC-H query runs while one worker, picked at random, is
 * killed (SIGKILL) or frozen (SIGSTOP) at a random moment of it. Every answer must still equal
 * DuckDB alone's, and none may hang past its deadline. Between queries a killed worker is replaced
 * and a frozen one resumed, so each query starts with three. Kills are fewer than freezes (6 of 22,
 * at least 5 each): a kill costs a worker process's start.
 */
class WorkerChaosTest {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerChaosTest.class);
    private static final Duration QUERY_DEADLINE = Duration.ofSeconds(60);
    // A killed worker stays listed until its heartbeat's TTL (3 s) runs out.
    private static final Duration HEARTBEAT_TTL = Duration.ofSeconds(4);
    private static final int FAULT_WINDOW_MILLIS = 400;
    // A worker process takes 5 s to join on an idle host, over 20 s on a loaded one.
    private static final Duration JOINING = Duration.ofSeconds(180);
    // Kills cost a worker process's start, freezes a straggler's deadline: the suite stays within minutes.
    private static final int KILLS = 6;
    private static final int FREEZES_AT_LEAST = 5;

    @TempDir
    static Path lake;
    @TempDir
    static Path secrets;
    static Path secretFile;
    static EmbeddedService service;
    static final List<Process> workers = new ArrayList<>();
    static BufferAllocator allocator;
    static Oracle oracle;
    static CaseChecker checker;

    enum Fault { KILL, FREEZE }

    @BeforeAll
    static void start() throws Exception {
        secretFile = SecretFiles.write(secrets);
        service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 0).withRam(RamSettings.NONE).withClusterSecretFile(secretFile)
                .withQueryTimeout(QUERY_DEADLINE), GenerationProgress.SILENT);
        for (int i = 0; i < 3; i++) {
            workers.add(startWorker());
        }
        WorkerProcessesTest.awaitLiveWorkers(service.port(), 3, JOINING);
        allocator = new RootAllocator();
        oracle = new Oracle(lake, "tpch");
        checker = new CaseChecker(new PuffinClient(URI.create("http://127.0.0.1:" + service.port())), oracle, allocator);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process worker : workers) {
            signal(worker, "CONT");
            worker.destroyForcibly();
        }
        try (BufferAllocator memory = allocator; Oracle duckdb = oracle; EmbeddedService puffin = service) {
            // closed in reverse order
        }
    }

    private static Process startWorker() throws Exception {
        return WorkerProcessesTest.startWorker("http://127.0.0.1:" + service.port(), secretFile, lake);
    }

    @Test
    void tpchAnswersEqualDuckDbWhileARandomWorkerDiesOrFreezesInEachQuery() throws Exception {
        List<QueryCase> cases = TpchCases.all();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Fault> faults = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            faults.add(i < KILLS ? Fault.KILL : Fault.FREEZE);
        }
        Collections.shuffle(faults, random);
        assertTrue(Collections.frequency(faults, Fault.FREEZE) >= FREEZES_AT_LEAST, faults.toString());
        List<String> failures = new ArrayList<>();
        ScheduledExecutorService chaos = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < cases.size(); i++) {
                QueryCase queryCase = cases.get(i);
                Fault fault = faults.get(i);
                int victim = random.nextInt(workers.size());
                long delay = random.nextInt(FAULT_WINDOW_MILLIS);
                LOG.info("Chaos (seed {}): {} with {} of worker {} after {} ms", seed, queryCase.name(), fault, victim, delay);
                long killed = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
                ScheduledFuture<?> strike = chaos.schedule(() -> inflict(fault, victim), delay, TimeUnit.MILLISECONDS);
                Optional<String> failure = assertTimeoutPreemptively(QUERY_DEADLINE.plusSeconds(30), () -> checker.failure(queryCase),
                        queryCase.name() + " hung after " + fault + " of a worker");
                strike.get();
                failure.ifPresent(text -> failures.add(queryCase.name() + " (" + fault + " after " + delay + " ms): " + text));
                heal(fault, victim, killed);
            }
        } finally {
            chaos.shutdownNow();
        }
        assertTrue(failures.isEmpty(), "seed " + seed + ": " + String.join("\n", failures));
    }

    // A killed worker's replacement starts at once, while the query runs: it is ready sooner.
    private static Void inflict(Fault fault, int victim) throws Exception {
        if (fault == Fault.KILL) {
            workers.get(victim).destroyForcibly().waitFor();
            workers.set(victim, startWorker());
        } else {
            signal(workers.get(victim), "STOP");
        }
        return null;
    }

    // Each query starts with three live workers: a killed one replaced (once it left the list), a frozen one resumed.
    private static void heal(Fault fault, int victim, long killedAtNanos) throws Exception {
        if (fault == Fault.KILL) {
            long listedFor = HEARTBEAT_TTL.toNanos() - (System.nanoTime() - killedAtNanos);
            if (listedFor > 0) {
                TimeUnit.NANOSECONDS.sleep(listedFor);
            }
        } else {
            signal(workers.get(victim), "CONT");
        }
        WorkerProcessesTest.awaitLiveWorkers(service.port(), 3, JOINING);
    }

    private static void signal(Process worker, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(worker.pid())).inheritIO().start().waitFor();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send SIG" + signal + " to worker " + worker.pid(), e);
        }
    }
}
