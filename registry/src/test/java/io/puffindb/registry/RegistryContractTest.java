package io.puffindb.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
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

    @Test
    void theCacheDirectoryKnowsWhoHoldsWhichVersionOfAFile() {
        CachedCopy onWorker = new CachedCopy("s3://lake/t/a.parquet", "\"etag-1\"", 1200, "w1", CacheLayer.WORKER_SSD);
        CachedCopy onMonostore = new CachedCopy("s3://lake/t/a.parquet", "\"etag-1\"", 1200, "monostore", CacheLayer.MONOSTORE_SSD);
        CachedCopy other = new CachedCopy("s3://lake/t/b:1.parquet", "v:2", 99, "w2", CacheLayer.WORKER_SSD);
        registry.cached(onWorker);
        registry.cached(onMonostore);
        registry.cached(other);
        Map<String, List<CachedCopy>> copies = registry.copiesOf(List.of("s3://lake/t/a.parquet", "s3://lake/t/b:1.parquet", "s3://lake/t/none"));
        assertEquals(Set.of(onWorker, onMonostore), Set.copyOf(copies.get("s3://lake/t/a.parquet")));
        assertEquals(List.of(other), copies.get("s3://lake/t/b:1.parquet"), "colons in names and versions survive");
        assertEquals(2, copies.size(), "a file nobody caches has no entry");

        CachedCopy newer = new CachedCopy("s3://lake/t/a.parquet", "\"etag-2\"", 1300, "w1", CacheLayer.WORKER_SSD);
        registry.cached(newer);
        assertEquals(Set.of(newer, onMonostore), Set.copyOf(registry.copiesOf(List.of("s3://lake/t/a.parquet")).get("s3://lake/t/a.parquet")),
                "a holder keeps one copy per layer: the newer version replaces the older");

        registry.evicted("monostore", CacheLayer.MONOSTORE_SSD, "s3://lake/t/a.parquet");
        assertEquals(List.of(newer), registry.copiesOf(List.of("s3://lake/t/a.parquet")).get("s3://lake/t/a.parquet"));
    }

    @Test
    void aHolderThatShutsDownIsForgottenEverywhere() {
        registry.cached(new CachedCopy("f1", "1", 10, "w1", CacheLayer.WORKER_SSD));
        registry.cached(new CachedCopy("f2", "1", 10, "w1", CacheLayer.WORKER_SSD));
        CachedCopy kept = new CachedCopy("f2", "1", 10, "w2", CacheLayer.WORKER_SSD);
        registry.cached(kept);
        registry.forgetHolder("w1");
        assertEquals(Map.of("f2", List.of(kept)), registry.copiesOf(List.of("f1", "f2")));
    }

    @Test
    void statisticsLearnedByQueriesAccumulatePerTableVersion() {
        assertEquals(TableStatistics.NONE, registry.statistics("lake.orders@v1"));
        registry.recordStatistics("lake.orders@v1", new TableStatistics(OptionalLong.of(15000), Map.of("o_custkey", 1000L)));
        registry.recordStatistics("lake.orders@v1", new TableStatistics(OptionalLong.empty(), Map.of("o_orderstatus", 3L, "o_custkey", 999L)));
        assertEquals(new TableStatistics(OptionalLong.of(15000), Map.of("o_custkey", 999L, "o_orderstatus", 3L)),
                registry.statistics("lake.orders@v1"));
        assertEquals(TableStatistics.NONE, registry.statistics("lake.orders@v2"), "another version knows nothing yet");
    }

    @Test
    void smallResultsAreKeptUntilTheirTtlOrDeletion() throws Exception {
        byte[] bytes = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 1, 2};
        registry.putResult("q1/f1-t0", bytes, Duration.ofSeconds(10));
        registry.putResult("q1/f1-t1", bytes, SHORT_TTL);
        assertArrayEquals(bytes, registry.result("q1/f1-t0").orElseThrow(), "binary bytes come back as they went in");
        registry.deleteResult("q1/f1-t0");
        assertEquals(Optional.empty(), registry.result("q1/f1-t0"));
        Thread.sleep(SHORT_TTL.toMillis() + 200);
        assertEquals(Optional.empty(), registry.result("q1/f1-t1"), "expired");
    }

    @Test
    void aStageCanBeAskedHowManyTasksRemainAndEnded() {
        registry.startStage("q3-f1", 2);
        assertEquals(2, registry.remainingTasks("q3-f1"));
        registry.completeTask("q3-f1", "t1");
        assertEquals(1, registry.remainingTasks("q3-f1"));
        registry.endStage("q3-f1");
        assertThrows(IllegalArgumentException.class, () -> registry.remainingTasks("q3-f1"));
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
