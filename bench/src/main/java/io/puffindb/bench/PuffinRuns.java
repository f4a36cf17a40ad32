package io.puffindb.bench;

import io.puffindb.executors.PreparedQuery;
import io.puffindb.executors.QueryExecutor;
import io.puffindb.executors.RunningQuery;
import java.util.ArrayList;
import java.util.List;

/** One PuffinDB deployment's timed runs of one query: wall time (planning included), planning time, bytes across exchanges. */
final class PuffinRuns {
    private final QueryExecutor executor;
    private final List<Double> millis = new ArrayList<>();
    private final List<Double> planMillis = new ArrayList<>();
    private long bytesExchanged;
    private long rows;

    PuffinRuns(QueryExecutor executor) {
        this.executor = executor;
    }

    /** Plans and runs {@code sql} to its last row; {@code timed} false for a warm-up. */
    void run(String sql, boolean timed) throws Exception {
        long start = System.nanoTime();
        PreparedQuery prepared = executor.prepare(sql);
        long count = 0;
        long bytes;
        try (RunningQuery running = executor.run(prepared)) {
            while (running.nextBatch()) {
                count += running.batch().getRowCount();
            }
            bytes = running.stats().bytesExchanged();
        }
        double elapsed = (System.nanoTime() - start) / 1e6;
        if (timed) {
            millis.add(elapsed);
            planMillis.add((double) prepared.planMillis());
        }
        bytesExchanged = bytes;
        rows = count;
    }

    double medianMillis() {
        return Timing.median(millis);
    }

    double medianPlanMillis() {
        return Timing.median(planMillis);
    }

    long bytesExchanged() {
        return bytesExchanged;
    }

    long rows() {
        return rows;
    }
}
