package io.puffindb.bench;

import java.util.Arrays;

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
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            millis[i] = millis(body);
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }
}
