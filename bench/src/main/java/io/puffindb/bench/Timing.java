package io.puffindb.bench;

import java.util.ArrayList;
import java.util.List;

/** Wall-clock measurement for the benches (printed, never asserted). */
final class Timing {
    private Timing() {
    }

    @FunctionalInterface
    interface Measured {
        void run() throws Exception;
    }

    static double millis(Measured body) throws Exception {
        long start = System.nanoTime();
        body.run();
        return (System.nanoTime() - start) / 1e6;
    }

    /** The median of {@code runs} timed runs. */
    static double medianMillis(int runs, Measured body) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            millis.add(millis(body));
        }
        return median(millis);
    }

    /** The median; NaN for no values. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
