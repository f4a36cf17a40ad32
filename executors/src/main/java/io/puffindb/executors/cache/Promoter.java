package io.puffindb.executors.cache;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.flight.CachedFiles;
import io.puffindb.executors.flight.FlightClients;
import io.puffindb.executors.fragment.Fragment;
import io.puffindb.lake.cache.FileCache;
import io.puffindb.lake.store.StoredObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reactive promotion: after a query, the lake files its LAMBDA tasks read are copied from the
 * workers' SSD caches one layer up, into the MONOSTORE's cache, and what the MONOSTORE read from
 * its SSD cache moves up into its RAM layer (the tables, as in-memory tables; or the files, as
 * copies in RAM); the caches' directory listeners tell the Registry. One background thread with a
 * bounded queue does it, after the query has ended, so a
 * query never waits for it; what does not fit in the queue is dropped (the next query offers it
 * again), and the MONOSTORE cache's budget bounds what stays.
 */
public final class Promoter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Promoter.class);

    private final FileCache target;
    private final MemoryTables memoryTables;
    private final FlightClients clients;
    private final ThreadPoolExecutor copier;
    private final AtomicLong dropped = new AtomicLong();

    public Promoter(FileCache target, MemoryTables memoryTables, FlightClients clients, int maxQueuedFiles) {
        this.target = requireNonNull(target, "target is null");
        this.memoryTables = requireNonNull(memoryTables, "memoryTables is null");
        this.clients = requireNonNull(clients, "clients is null");
        this.copier = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(maxQueuedFiles), runnable -> {
            Thread thread = new Thread(runnable, "cache-promoter");
            thread.setDaemon(true);
            return thread;
        }, (job, pool) -> dropped.incrementAndGet());
    }

    /** A lake file a task read, and the worker whose SSD cache it went through. */
    public record Read(String workerLocation, StoredObject file) {
    }

    /** Queues the copies of what a finished query read (each file once, from the first worker that read it). */
    public void promote(List<Read> reads) {
        Map<String, Read> byFile = new LinkedHashMap<>();
        reads.stream().filter(read -> read.file().needsFetching()).forEach(read -> byFile.putIfAbsent(read.file().uri(), read));
        byFile.values().forEach(read -> copier.execute(() -> copy(read)));
    }

    /** Queues moving what a MONOSTORE fragment read from the SSD cache into the RAM layer (the next layer up). */
    public void promoteToRam(Fragment monostoreFragment) {
        if (memoryTables.enabled()) {
            monostoreFragment.lakeTables().forEach(table -> copier.execute(() -> memoryTables.load(table, target)));
        } else {
            monostoreFragment.remoteFiles(List.of()).stream().filter(StoredObject::needsFetching).distinct()
                    .forEach(file -> copier.execute(() -> holdInRam(file)));
        }
    }

    private void holdInRam(StoredObject file) {
        try {
            if (target.promoteToRam(file)) {
                LOG.debug("Holding {} in RAM", file.uri());
            }
        } catch (RuntimeException e) {
            LOG.debug("Cannot hold {} in RAM: {}", file.uri(), e.getMessage());
        }
    }

    private void copy(Read read) {
        try {
            if (target.promote(read.file(), path -> CachedFiles.fetch(clients.to(read.workerLocation()), read.file(), path))) {
                LOG.debug("Promoted {} from {}", read.file().uri(), read.workerLocation());
            }
        } catch (RuntimeException e) {
            // The worker evicted it or went away: the next query that reads it offers it again.
            LOG.debug("Cannot promote {} from {}: {}", read.file().uri(), read.workerLocation(), e.getMessage());
        }
    }

    /** Copies waiting or running. */
    public int pending() {
        // Both counts only grow, and a copy counts as submitted before it counts as done.
        long done = copier.getCompletedTaskCount();
        return (int) Math.max(0, copier.getTaskCount() - done);
    }

    /** Copies not even queued because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        copier.shutdownNow();
    }
}
