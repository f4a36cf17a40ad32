package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.puffindb.executors.ActiveQueries;
import io.puffindb.executors.DuckDbEngine;
import io.puffindb.executors.WorkerPool;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;

/**
 * {@code GET /metrics}: the counters of ended queries, and what is true now (queries running, workers
 * live, JVM heap, Arrow memory and the memory of this process's DuckDB engines), in Prometheus' text format.
 */
final class MetricsResource {
    private final QueryMetrics metrics;
    private final ActiveQueries active;
    private final WorkerPool workers;
    private final BufferAllocator arrowMemory;
    private final Map<String, DuckDbEngine> engines;

    /** {@code engines}: this process's DuckDB engines by the name their samples carry (the MONOSTORE's, in-process workers'). */
    MetricsResource(QueryMetrics metrics, ActiveQueries active, WorkerPool workers, BufferAllocator arrowMemory, Map<String, DuckDbEngine> engines) {
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.active = requireNonNull(active, "active is null");
        this.workers = requireNonNull(workers, "workers is null");
        this.arrowMemory = requireNonNull(arrowMemory, "arrowMemory is null");
        this.engines = new TreeMap<>(engines);
    }

    void show(Context ctx) {
        ctx.contentType(PrometheusText.CONTENT_TYPE).result(text());
    }

    String text() {
        PrometheusText text = new PrometheusText();
        text.family("puffindb_queries_running", "gauge", "Queries running now (planned, executed or waiting to be fetched).")
                .sample("puffindb_queries_running", active.all().size());
        metrics.writeTo(text);
        text.family("puffindb_workers_live", "gauge", "LAMBDA workers live: in-process and those whose heartbeats are current.")
                .sample("puffindb_workers_live", workers.liveLocations().size());
        text.family("puffindb_arrow_allocated_bytes", "gauge", "Arrow memory the service's allocator holds now (results, exchanges).")
                .sample("puffindb_arrow_allocated_bytes", arrowMemory.getAllocatedMemory());
        text.family("puffindb_duckdb_memory_bytes", "gauge", "Memory DuckDB's buffer manager holds now, by engine of this process.");
        engines.forEach((name, engine) -> text.sample("puffindb_duckdb_memory_bytes", Map.of("engine", name), engine.memoryBytes()));
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        text.family("puffindb_jvm_memory_used_bytes", "gauge", "JVM memory in use, by area.")
                .sample("puffindb_jvm_memory_used_bytes", Map.of("area", "heap"), heap.getUsed())
                .sample("puffindb_jvm_memory_used_bytes", Map.of("area", "nonheap"), nonHeap.getUsed());
        text.family("puffindb_jvm_memory_committed_bytes", "gauge", "JVM memory committed by the operating system, by area.")
                .sample("puffindb_jvm_memory_committed_bytes", Map.of("area", "heap"), heap.getCommitted())
                .sample("puffindb_jvm_memory_committed_bytes", Map.of("area", "nonheap"), nonHeap.getCommitted());
        // -1 when the JVM sets no bound: left out rather than written as a negative size.
        if (heap.getMax() >= 0) {
            text.family("puffindb_jvm_memory_max_bytes", "gauge", "The JVM heap's bound.")
                    .sample("puffindb_jvm_memory_max_bytes", Map.of("area", "heap"), heap.getMax());
        }
        return text.toString();
    }
}
