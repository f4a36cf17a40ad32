package io.puffindb.executors;

/** Closing what a failure leaves open, without hiding that failure behind another one. */
final class Closeables {
    private Closeables() {
    }

    /** Closes each resource that is not null; their own failures are dropped, the original failure is the one worth reporting. */
    static void closeQuietly(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception ignored) {
                // see above
            }
        }
    }
}
