package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One query's sense of when a task attempt has stalled: no batch for several times the longest task
 * of the query took to finish (never less than a floor; a fixed wait before any task finished). A
 * stalled attempt is not stopped: the task is also run elsewhere and the first to finish wins, so a
 * slow but healthy worker costs duplicate work, never a wrong or failed answer. Workers seen
 * stalling are asked last by the query's later tasks.
 */
public final class StragglerWatch {
    /** The defaults: 3 s floor, 10 s before any task finished, 3 times the longest finished task. */
    public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(3), Duration.ofSeconds(10), 3);

    /** How long an attempt may go without a batch before its task is also run elsewhere. */
    public record Settings(Duration floor, Duration beforeAnyFinished, int longestTaskFactor) {
        public Settings {
            if (floor.isNegative() || beforeAnyFinished.isNegative() || longestTaskFactor < 1) {
                throw new IllegalArgumentException("Invalid straggler settings: " + floor + ", " + beforeAnyFinished + ", " + longestTaskFactor);
            }
        }
    }

    private final Settings settings;
    private final AtomicLong longestTaskNanos = new AtomicLong(-1);
    private final Set<String> suspects = ConcurrentHashMap.newKeySet();

    public StragglerWatch(Settings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** How long an attempt may now go without progress. */
    long stallNanos() {
        long longest = longestTaskNanos.get();
        if (longest < 0) {
            return settings.beforeAnyFinished().toNanos();
        }
        return Math.max(settings.floor().toNanos(), settings.longestTaskFactor() * longest);
    }

    void finished(long nanos) {
        longestTaskNanos.accumulateAndGet(nanos, Math::max);
    }

    void stalled(String worker) {
        suspects.add(worker);
    }

    /** {@code workers} with those seen stalling in this query moved to the end. */
    List<String> order(List<String> workers) {
        List<String> order = new ArrayList<>(workers.size());
        workers.stream().filter(worker -> !suspects.contains(worker)).forEach(order::add);
        workers.stream().filter(suspects::contains).forEach(order::add);
        return order;
    }
}
