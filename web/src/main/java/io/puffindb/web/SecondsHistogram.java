package io.puffindb.web;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/** A Prometheus histogram of durations in seconds: fixed upper bounds, counts per bucket, the sum. */
final class SecondsHistogram {
    // From a cached point lookup to a long scan of a big lake, within the default 5-minute deadline.
    static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};

    private final AtomicLongArray counts = new AtomicLongArray(BOUNDS.length + 1);
    private final DoubleAdder sum = new DoubleAdder();

    void observe(double seconds) {
        int bucket = 0;
        while (bucket < BOUNDS.length && seconds > BOUNDS[bucket]) {
            bucket++;
        }
        counts.incrementAndGet(bucket);
        sum.add(seconds);
    }

    /** The cumulative count of observations up to each bound, the last one being +Inf (the count of all). */
    long[] cumulativeCounts() {
        long[] cumulative = new long[counts.length()];
        long running = 0;
        for (int i = 0; i < cumulative.length; i++) {
            running += counts.get(i);
            cumulative[i] = running;
        }
        return cumulative;
    }

    double sum() {
        return sum.sum();
    }
}
