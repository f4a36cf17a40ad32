package io.puffindb.web;

import io.puffindb.lake.cache.CacheUsage;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The service's counters of ended queries since it started, over every endpoint (HTTP, Flight SQL):
 * finished and failed (by error code), their latency and planning time, the lake bytes they read by tier
 * and source, their cache hits and misses by layer and the Arrow bytes their tasks moved.
 */
final class QueryMetrics {
    private final LongAdder finished = new LongAdder();
    private final Map<String, LongAdder> failedByCode = new ConcurrentHashMap<>();
    private final SecondsHistogram latency = new SecondsHistogram();
    private final SecondsHistogram planning = new SecondsHistogram();
    private final LongAdder lambdaSplitBytes = new LongAdder();
    private final Map<String, AtomicLong> fileBytes = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> cacheFiles = new ConcurrentHashMap<>();
    private final LongAdder flightBytes = new LongAdder();

    void record(FinishedQuery query, QueryFigures figures) {
        if (query.failed()) {
            failedByCode.computeIfAbsent(query.error().code(), code -> new LongAdder()).increment();
        } else {
            finished.increment();
        }
        latency.observe(query.durationMillis() / 1000.0);
        if (query.planMillis() != null) {
            planning.observe(query.planMillis() / 1000.0);
        }
        lambdaSplitBytes.add(figures.lambdaSplitBytes());
        flightBytes.add(figures.flightBytes());
        staged("LAMBDA", "worker_ssd", figures.lambdaFiles());
        staged("MONOSTORE", "monostore_ssd", figures.monostoreFiles());
        // The MONOSTORE's RAM layer answers before its SSD: its files are among the cached ones.
        add(cacheFiles, key("monostore_ram", "hit"), figures.monostoreFiles().ramFiles());
    }

    private void staged(String tier, String ssdLayer, CacheUsage files) {
        add(fileBytes, key(tier, "cache"), files.cachedBytes());
        add(fileBytes, key(tier, "lake"), files.fetchedBytes());
        add(cacheFiles, key(ssdLayer, "hit"), files.cachedFiles() - files.ramFiles());
        add(cacheFiles, key(ssdLayer, "miss"), files.fetchedFiles());
    }

    private static void add(Map<String, AtomicLong> counters, String key, long amount) {
        counters.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(amount);
    }

    private static String key(String first, String second) {
        return first + "/" + second;
    }

    void writeTo(PrometheusText text) {
        text.family("puffindb_queries_finished_total", "counter", "Queries read to their end, over HTTP and Flight SQL.")
                .sample("puffindb_queries_finished_total", finished.sum());
        text.family("puffindb_queries_failed_total", "counter", "Queries that failed (cancelled and timed out too), by error code.");
        new TreeMap<>(failedByCode).forEach((code, count) -> text.sample("puffindb_queries_failed_total", Map.of("code", code), count.sum()));
        text.histogram("puffindb_query_duration_seconds", "Time from a query's arrival to its end, finished or failed.", latency);
        text.histogram("puffindb_query_planning_seconds", "Time a query spent being parsed, validated and placed.", planning);
        text.family("puffindb_lambda_split_bytes_total", "counter", "Bytes of the lake splits LAMBDA tasks scanned.")
                .sample("puffindb_lambda_split_bytes_total", lambdaSplitBytes.sum());
        text.family("puffindb_staged_file_bytes_total", "counter",
                "Bytes of lake files engines staged, by tier and source: their cache, or the lake (files read in place are not staged).");
        labelled(text, "puffindb_staged_file_bytes_total", fileBytes, "tier", "source");
        text.family("puffindb_cache_files_total", "counter", "Lake files looked up in a cache layer, by layer and result (hit or miss).");
        labelled(text, "puffindb_cache_files_total", cacheFiles, "layer", "result");
        text.family("puffindb_flight_bytes_total", "counter", "Arrow bytes query tasks sent across exchanges over Arrow Flight.")
                .sample("puffindb_flight_bytes_total", flightBytes.sum());
    }

    private static void labelled(PrometheusText text, String name, Map<String, AtomicLong> counters, String firstLabel, String secondLabel) {
        new TreeMap<>(counters).forEach((key, count) -> {
            String[] parts = key.split("/", 2);
            text.sample(name, Map.of(firstLabel, parts[0], secondLabel, parts[1]), count.get());
        });
    }
}
