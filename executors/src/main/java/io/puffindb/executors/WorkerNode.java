package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.cache.CacheDirectory;
import io.puffindb.executors.cache.MemoryTables;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.executors.flight.EngineFlightProducer;
import io.puffindb.executors.flight.HandoverFolder;
import io.puffindb.executors.flight.FlightClients;
import io.puffindb.executors.flight.FlightEndpoint;
import io.puffindb.executors.flight.PortRange;
import io.puffindb.executors.flight.ResultStore;
import io.puffindb.executors.flight.TaskTickets;
import io.puffindb.executors.trust.ClusterSecret;
import io.puffindb.lake.cache.CacheListener;
import io.puffindb.lake.cache.CacheStats;
import io.puffindb.lake.cache.FileCache;
import io.puffindb.lake.cache.RamLayer;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.registry.CacheLayer;
import io.puffindb.registry.Registry;
import java.util.Optional;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * An engine with a Flight service: a LAMBDA worker (in-process or its own process), or the
 * MONOSTORE. Runs tasks that consumers pull by signed ticket, and serves results it holds, to members
 * of its cluster only (they share {@link ClusterSecret}); the MONOSTORE issues the tickets.
 */
public final class WorkerNode implements AutoCloseable {
    private final String id;
    private final BufferAllocator allocator;
    private final DuckDbEngine engine;
    private final MemoryTables memoryTables;
    private final FlightClients clients;
    private final TaskTickets tickets;
    private final ResultStore results = new ResultStore();
    private final EngineFlightProducer producer;
    private final FlightEndpoint endpoint;

    /**
     * {@code cacheDir/<id>} becomes this engine's own cache of remote lake files, holding at most
     * {@code cacheBytes}, with the RAM layer {@code ram} describes (in-memory tables, or copies of
     * files in {@code ram.dir()/<id>}; none when its budget is 0). With
     * the deployment's shared Registry, the cache directory learns what it holds (as copies in
     * {@code layer}, and in {@link CacheLayer#MONOSTORE_RAM}) and its tasks can hand their outputs over through it.
     * Its Flight server binds {@code host} on a port of {@code ports} and answers holders of {@code secret};
     * its DuckDB reads local files under {@code lakeFolders} and its own caches only.
     */
    public WorkerNode(String host, PortRange ports, EngineLimits limits, int batchRows, ObjectStores stores, Path cacheDir, long cacheBytes,
            RamSettings ram, Optional<Registry> sharedRegistry, CacheLayer layer, ClusterSecret secret, List<Path> lakeFolders) {
        CacheDirectory directory = sharedRegistry.map(CacheDirectory::of).orElse(CacheDirectory.detached());
        this.id = (layer == CacheLayer.WORKER_SSD ? "worker-" : "monostore-") + UUID.randomUUID().toString().substring(0, 8);
        this.allocator = new RootAllocator();
        CacheListener inRam = directory.listenerFor(id, CacheLayer.MONOSTORE_RAM);
        boolean ramFiles = ram.monostoreBytes() > 0 && ram.form() == RamSettings.Form.FILES;
        RamLayer fileRam = ramFiles ? new RamLayer(ram.dir().resolve(id), ram.monostoreBytes(), ram.compression(), inRam) : RamLayer.NONE;
        List<Path> readable = new ArrayList<>(lakeFolders);
        if (fileRam.enabled()) {
            readable.add(fileRam.folder());
        }
        this.engine = new DuckDbEngine(limits, new FileCache(cacheDir.resolve(id), cacheBytes, stores, directory.listenerFor(id, layer), fileRam),
                readable);
        this.memoryTables = ram.monostoreBytes() > 0 && ram.form() == RamSettings.Form.TABLES
                ? new MemoryTables(engine, ram.monostoreBytes(), ram.compression(), inRam) : MemoryTables.none(engine);
        this.clients = new FlightClients(allocator, secret);
        this.tickets = new TaskTickets(secret, Clock.systemUTC(), clients);
        // What killed engines of this host left behind is swept before this one writes its own.
        HandoverFolder.sweepDeadProcesses();
        this.producer = new EngineFlightProducer(engine, allocator, clients, results, batchRows, sharedRegistry, stores, tickets);
        this.endpoint = new FlightEndpoint(allocator, requireNonNull(host, "host is null"), ports, producer, secret);
    }

    public String id() {
        return id;
    }

    public String location() {
        return endpoint.location();
    }

    /** Tasks this engine is running now. */
    public int activeTasks() {
        return producer.activeTasks();
    }

    /** The tickets this engine issues (as the MONOSTORE) and checks. */
    public TaskTickets tickets() {
        return tickets;
    }

    public ResultStore results() {
        return results;
    }

    /** Its caches' counts: the SSD cache's, and the RAM layer's in whichever form it takes. */
    public CacheStats cacheStats() {
        CacheStats ssd = engine.cache().stats();
        if (!memoryTables.enabled()) {
            return ssd;
        }
        MemoryTables.Stats ram = memoryTables.stats();
        return ssd.withRam(ram.files(), ram.bytes(), ram.budgetBytes());
    }

    /** The RAM layer's in-memory tables (none unless the RAM layer takes that form). */
    public MemoryTables memoryTables() {
        return memoryTables;
    }

    public DuckDbEngine engine() {
        return engine;
    }

    @Override
    public void close() throws Exception {
        try (allocator; engine; clients; tickets) {
            endpoint.close();
        }
    }
}
