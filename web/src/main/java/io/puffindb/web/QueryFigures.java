package io.puffindb.web;

import io.puffindb.executors.QueryStats;
import io.puffindb.executors.flight.TaskStats;
import io.puffindb.lake.cache.CacheUsage;

/**
 * What one ended query's engines measured, for the metrics: bytes of lake splits its LAMBDA tasks
 * scanned, the lake files the LAMBDA workers and the MONOSTORE staged (from their cache, or fetched from
 * the lake now; files read in place on a local lake are staged by no one), and the Arrow bytes its tasks
 * sent across exchanges.
 */
record QueryFigures(long lambdaSplitBytes, CacheUsage lambdaFiles, CacheUsage monostoreFiles, long flightBytes) {
    static final QueryFigures NONE = new QueryFigures(0, CacheUsage.NONE, CacheUsage.NONE, 0);

    static QueryFigures of(QueryStats stats) {
        long splitBytes = 0;
        CacheUsage lambdaFiles = CacheUsage.NONE;
        for (TaskStats task : stats.allTasks()) {
            splitBytes += task.bytesIn();
            // null: the worker could not say where its files came from.
            if (task.cache() != null) {
                lambdaFiles = lambdaFiles.plus(task.cache());
            }
        }
        return new QueryFigures(splitBytes, lambdaFiles, stats.engineReads(), stats.bytesExchanged());
    }

    /** The lake bytes the query read that its engines counted: LAMBDA splits scanned and files the MONOSTORE staged. */
    long bytesRead() {
        return lambdaSplitBytes + monostoreFiles.cachedBytes() + monostoreFiles.fetchedBytes();
    }
}
