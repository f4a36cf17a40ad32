package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.trust.ClusterSecret;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One Flight client per engine location, shared by all queries of this process (gRPC channels are
 * costly); every call carries the cluster's proof.
 */
public final class FlightClients implements AutoCloseable {
    private final BufferAllocator allocator;
    private final ClusterSecret secret;
    private final Map<String, FlightClient> clients = new ConcurrentHashMap<>();

    public FlightClients(BufferAllocator allocator, ClusterSecret secret) {
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.secret = requireNonNull(secret, "secret is null");
    }

    public FlightClient to(String location) {
        return clients.computeIfAbsent(location, uri -> FlightClient.builder(allocator, new Location(java.net.URI.create(uri)))
                .intercept(ClusterAuthentication.client(secret))
                .build());
    }

    @Override
    public void close() throws Exception {
        for (FlightClient client : clients.values()) {
            client.close();
        }
        clients.clear();
    }
}
