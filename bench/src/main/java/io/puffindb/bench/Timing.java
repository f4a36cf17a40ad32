package io.puffindb.bench;

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
}
