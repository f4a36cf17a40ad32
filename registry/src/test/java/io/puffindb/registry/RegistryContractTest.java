package io.puffindb.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every Registry must do, run against each implementation. */
abstract class RegistryContractTest {
    private static final Duration SHORT_TTL = Duration.ofMillis(400);
    Registry registry;

    abstract Registry newRegistry();

    @BeforeEach
    void open() {
        registry = newRegistry();
    }

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void workersJoinAndAreListedInIdOrder() {
        registry.heartbeat(new WorkerInfo("w2", "grpc+tcp://h:2"), Duration.ofSeconds(10));
        registry.heartbeat(new WorkerInfo("w1", "grpc+tcp://h:1"), Duration.ofSeconds(10));
        assertEquals(List.of(new WorkerInfo("w1", "grpc+tcp://h:1"), new WorkerInfo("w2", "grpc+tcp://h:2")), registry.liveWorkers());
    }

    @Test
    void aSilentWorkerLeavesWithinItsTtlAndRejoinsWhenItBeatsAgain() throws Exception {
        registry.heartbeat(new WorkerInfo("w1", "grpc+tcp://h:1"), SHORT_TTL);
        registry.heartbeat(new WorkerInfo("w2", "grpc+tcp://h:2"), Duration.ofSeconds(10));
        awaitLive(List.of("w2"));
        registry.heartbeat(new WorkerInfo("w1", "grpc+tcp://h:11"), Duration.ofSeconds(10));
        assertEquals("grpc+tcp://h:11", registry.liveWorkers().get(0).location(), "a restarted worker rejoins with its new location");
    }

    @Test
    void heartbeatsKeepAWorkerAlive() throws Exception {
        for (int i = 0; i < 5; i++) {
            registry.heartbeat(new WorkerInfo("w1", "grpc+tcp://h:1"), SHORT_TTL);
            Thread.sleep(SHORT_TTL.toMillis() / 4);
        }
        assertEquals(1, registry.liveWorkers().size());
    }

    @Test
    void aStageCountsEachCompletedTaskOnce() {
        registry.startStage("q1-f1", 3);
        assertEquals(2, registry.completeTask("q1-f1", "t0"));
        assertEquals(2, registry.completeTask("q1-f1", "t0"), "completing the same task twice counts once");
        assertEquals(1, registry.completeTask("q1-f1", "t1"));
        assertEquals(0, registry.completeTask("q1-f1", "t2"));
        assertThrows(IllegalArgumentException.class, () -> registry.completeTask("no-such-stage", "t0"));
    }

    @Test
    void completionsFromManyThreadsAllCount() throws Exception {
        registry.startStage("q2-f1", 40);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int task = 0; task < 40; task++) {
                String id = "t" + task;
                results.add(threads.submit(() -> registry.completeTask("q2-f1", id)));
            }
            int reachedZero = 0;
            for (Future<Integer> result : results) {
                reachedZero += result.get() == 0 ? 1 : 0;
            }
            assertTrue(reachedZero >= 1, "the last completion sees the stage done");
            assertEquals(0, registry.completeTask("q2-f1", "t0"));
        } finally {
            threads.shutdownNow();
        }
    }

    private void awaitLive(List<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        List<String> live = registry.liveWorkers().stream().map(WorkerInfo::id).toList();
        while (!live.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            live = registry.liveWorkers().stream().map(WorkerInfo::id).toList();
        }
        assertEquals(expected, live, "live workers within 3 s");
    }
}
