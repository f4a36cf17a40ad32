package io.puffindb.bench;

import static java.util.Objects.requireNonNull;

import io.puffindb.registry.CacheLayer;
import io.puffindb.registry.CachedCopy;
import io.puffindb.registry.Registries;
import io.puffindb.registry.Registry;
import io.puffindb.registry.TableStatistics;
import io.puffindb.registry.WorkerInfo;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The Registry's operations as a query sees them, timed one by one against a Redis (a namespace of
 * its own, emptied afterwards): p50 and p99 in microseconds. Without a Redis it says so and stops.
 */
final class RegistryLatency {
    private static final int SAMPLES = 2000;
    private static final int FILES_PER_LOOKUP = 20;
    private static final byte[] SMALL_RESULT = new byte[64 << 10];

    private final String redis;
    private final PrintStream out;

    RegistryLatency(String redis, PrintStream out) {
        this.redis = requireNonNull(redis, "redis is null");
        this.out = requireNonNull(out, "out is null");
    }

    void run() {
        String namespace = "bench-" + UUID.randomUUID();
        try (Registry registry = Registries.open(redis + "/" + namespace)) {
            registry.liveWorkers();
            out.printf("Registry operations on %s, %d samples each (microseconds):%n", redis, SAMPLES);
            out.printf("%-44s %8s %8s%n", "operation", "p50", "p99");
            List<String> files = IntStream.range(0, FILES_PER_LOOKUP).mapToObj(i -> "s3://lake/bench/tpch/lineitem/part-" + i + ".parquet").toList();
            WorkerInfo worker = new WorkerInfo("worker-bench", "grpc+tcp://127.0.0.1:1");
            report("heartbeat", i -> registry.heartbeat(worker, Duration.ofSeconds(3)));
            report("live workers", i -> registry.liveWorkers());
            report("cached (one file)", i -> registry.cached(new CachedCopy(files.get(i % FILES_PER_LOOKUP), "v" + i, 1 << 20, worker.id(),
                    CacheLayer.WORKER_SSD)));
            report("copies of " + FILES_PER_LOOKUP + " files (pipelined)", i -> registry.copiesOf(files));
            report("record statistics", i -> registry.recordStatistics("lineitem@1", new TableStatistics(OptionalLong.of(i), Map.of("l_orderkey", (long) i))));
            report("statistics", i -> registry.statistics("lineitem@1"));
            report("put result (64 KiB)", i -> registry.putResult("r" + i, SMALL_RESULT, Duration.ofMinutes(1)));
            report("get result (64 KiB)", i -> registry.result("r" + i));
            registry.startStage("stage", SAMPLES);
            report("complete task", i -> registry.completeTask("stage", "t" + i));
            report("remaining tasks", i -> registry.remainingTasks("stage"));
            for (int i = 0; i < SAMPLES; i++) {
                registry.deleteResult("r" + i);
            }
            registry.endStage("stage");
            registry.forgetHolder(worker.id());
        } catch (RuntimeException e) {
            out.printf("Registry latency not measured: no Redis answered at %s (%s)%n", redis, e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Operation {
        void run(int sample);
    }

    private void report(String name, Operation operation) {
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            operation.run(i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        out.printf("%-44s %8.0f %8.0f%n", name, percentile(nanos, 0.50) / 1e3, percentile(nanos, 0.99) / 1e3);
    }

    private static long percentile(long[] sorted, double fraction) {
        return sorted[Math.max(0, (int) Math.ceil(fraction * sorted.length) - 1)];
    }
}
