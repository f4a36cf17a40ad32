package io.puffindb.lambda;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.DuckDbEngine;
import io.puffindb.executors.cache.CacheDirectory;
import io.puffindb.executors.flight.EngineFlightProducer;
import io.puffindb.executors.flight.FlightClients;
import io.puffindb.executors.flight.HandoverFolder;
import io.puffindb.executors.flight.HandoverWorker;
import io.puffindb.executors.flight.ResultStore;
import io.puffindb.executors.flight.TaskFailures;
import io.puffindb.executors.flight.TaskTickets;
import io.puffindb.executors.trust.ClusterSecret;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.cache.FileCache;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.registry.CacheLayer;
import io.puffindb.registry.Registries;
import io.puffindb.registry.Registry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A LAMBDA worker without a Flight server: what one function instance keeps while it is warm — its
 * DuckDB, its SSD cache of lake files in /tmp (registered in the Registry as a worker's is, under the
 * instance's id), its Registry and object store clients — and the worker's own handover code
 * ({@link HandoverWorker}), which runs each invocation's task. It answers nobody: the task's inputs
 * are pulled by it, its output is handed over through the Registry or the object store.
 */
public final class FunctionEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FunctionEngine.class);
    private final String id = "lambda-" + UUID.randomUUID().toString().substring(0, 8);
    private final Registry registry;
    private final BufferAllocator allocator;
    private final DuckDbEngine engine;
    private final FlightClients clients;
    private final TaskTickets tickets;
    private final HandoverWorker handovers;

    public FunctionEngine(FunctionConfig config) {
        requireNonNull(config, "config is null");
        ClusterSecret secret = ClusterSecret.readFrom(config.secretFile());
        this.registry = Registries.open(config.registry());
        ObjectStores stores = ObjectStores.of(config.s3());
        this.allocator = new RootAllocator();
        FileCache cache = new FileCache(config.cacheDir().resolve(id), config.cacheBytes(), stores,
                CacheDirectory.of(registry).listenerFor(id, CacheLayer.WORKER_SSD));
        long start = System.nanoTime();
        this.engine = new DuckDbEngine(config.duckDb(), cache, List.of());
        LOG.info("DuckDB of {} started in {} ms", id, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        this.clients = new FlightClients(allocator, secret);
        this.tickets = new TaskTickets(secret, Clock.systemUTC(), clients);
        // An instance's /tmp outlives a crashed runtime of the same instance: what it left is swept.
        HandoverFolder.sweepDeadProcesses();
        EngineFlightProducer worker = new EngineFlightProducer(engine, allocator, clients, new ResultStore(), config.batchRows(), Optional.of(registry),
                stores, tickets);
        this.handovers = worker.handovers();
    }

    /** The instance's id, under which the Registry knows its cached files. */
    public String id() {
        return id;
    }

    /** Runs the invocation's task and hands its output over; a failure is answered with its type, not thrown. */
    public TaskInvocation.Answer run(TaskInvocation invocation) {
        try {
            return TaskInvocation.Answer.of(handovers.handOver(invocation.ticket()));
        } catch (Exception e) {
            PuffinException typed = TaskFailures.of("in function instance " + id, e);
            return TaskInvocation.Answer.of(new TaskInvocation.Failure(typed.code().name(), typed.getMessage()));
        }
    }

    @Override
    public void close() throws Exception {
        try (allocator; engine; clients; tickets; registry) {
            // closed in reverse order
        }
    }
}
