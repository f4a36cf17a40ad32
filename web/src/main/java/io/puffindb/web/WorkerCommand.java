package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.executors.WorkerNode;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.executors.flight.PortRange;
import io.puffindb.executors.trust.ClusterSecret;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
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
 * {@code puffindb worker --coordinator URL --cluster-secret-file FILE [--worker-port P] [--lake FOLDER]}:
 * a LAMBDA worker process — its own DuckDB and Flight server — that joins a service and keeps
 * sending heartbeats (every second; the service drops it 3 s after the last one). It shares its
 * service's cluster secret: its heartbeats carry the proof, its Flight server answers only holders
 * of it, and it runs only tickets its service's MONOSTORE signed. Its DuckDB reads local lake files
 * under the lake folders its own settings name (the service's, when they share a machine).
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
    private final ClusterSecret secret;

    WorkerCommand(PuffinConfig config) {
        requireNonNull(config, "config is null");
        this.coordinator = URI.create(config.coordinator().replaceAll("/+$", "") + "/v1/workers");
        this.secret = ClusterSecret.readFrom(config.cluster().secretFile().orElseThrow(() -> new PuffinException(ErrorCode.BAD_REQUEST,
                "A worker needs --cluster-secret-file FILE, the file its service was started with: engines answer members of their cluster only")));
        this.stores = ObjectStores.of(config.storage().s3());
        // Only a shared Registry is worth telling what this process caches: an in-memory one would be this process's alone.
        this.registrySpec = config.registry();
        this.registry = config.registry().startsWith("redis://") ? Optional.of(Registries.open(config.registry())) : Optional.empty();
        PortRange ports = config.workerPort() != 0 ? PortRange.single(config.workerPort()) : config.cluster().flightPorts();
        this.node = new WorkerNode(config.workerHost(), ports, config.duckDb(), config.arrowBatchRows(),
                stores, config.storage().cacheDir(), config.storage().workerCacheBytes(), RamSettings.NONE,
                registry, CacheLayer.WORKER_SSD, secret, LocalLakeFolders.of(config));
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
                    .header("Content-Type", "application/json").header(ClusterSecret.HEADER, secret.proof()).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
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
