package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.executors.WorkerNode;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.registry.CacheLayer;
import io.puffindb.registry.Registries;
import io.puffindb.registry.Registry;
import io.puffindb.lake.store.ObjectStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code puffindb worker --coordinator URL [--worker-port P]}: a LAMBDA worker process — its own
 * DuckDB and Flight server — that joins a service and keeps sending heartbeats (every second; the
 * service drops it 3 s after the last one).
 */
final class WorkerCommand implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerCommand.class);
    private static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(1);

    private final ObjectStores stores;
    private final Optional<Registry> registry;
    private final String registrySpec;
    private final WorkerNode node;
    private final URI coordinator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();

    WorkerCommand(PuffinConfig config) {
        requireNonNull(config, "config is null");
        this.coordinator = URI.create(config.coordinator().replaceAll("/+$", "") + "/v1/workers");
        this.stores = ObjectStores.of(config.storage().s3());
        // Only a shared Registry is worth telling what this process caches: an in-memory one would be this process's alone.
        this.registrySpec = config.registry();
        this.registry = config.registry().startsWith("redis://") ? Optional.of(Registries.open(config.registry())) : Optional.empty();
        this.node = new WorkerNode(config.workerHost(), config.workerPort(), config.duckDbThreads(), config.duckDbMemoryLimit(), config.arrowBatchRows(),
                stores, config.storage().cacheDir(), config.storage().workerCacheBytes(), RamSettings.NONE,
                registry, CacheLayer.WORKER_SSD);
    }

    void start() {
        heartbeats.scheduleAtFixedRate(this::heartbeat, 0, HEARTBEAT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Worker {} serving Flight at {}, joining {}", node.id(), node.location(), coordinator);
    }

    String location() {
        return node.location();
    }

    private void heartbeat() {
        try {
            byte[] body = json.writeValueAsBytes(Map.of("id", node.id(), "location", node.location(), "activeTasks", node.activeTasks(), "registry", registrySpec));
            HttpRequest request = HttpRequest.newBuilder(coordinator).timeout(Duration.ofSeconds(2))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warn("Coordinator refused heartbeat: HTTP {} {}", response.statusCode(), response.body());
            }
        } catch (Exception e) {
            LOG.warn("Coordinator {} unreachable: {}", coordinator, e.getMessage());
        }
    }

    @Override
    public void close() throws Exception {
        heartbeats.shutdownNow();
        try (stores) {
            node.close();
        } finally {
            registry.ifPresent(Registry::close);
        }
    }
}
