package io.puffindb.cost;

/** The LAMBDA workers alive when a query is planned: how many, and how many run inside the service's own process. */
public record LiveWorkers(int total, int inProcess) {
    public LiveWorkers {
        if (total < 0 || inProcess < 0 || inProcess > total) {
            throw new IllegalArgumentException("Bad worker counts: " + inProcess + " in process of " + total);
        }
    }

    /** True when no live worker runs on a host of its own (none at all, or all in-process). */
    public boolean shareTheServiceHost() {
        return inProcess == total;
    }
}
