package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.trust.ClusterSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.arrow.flight.FlightProducer;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A running Flight server on one host, on the first free port of a range, answering members of the
 * cluster only (see {@link ClusterAuthentication}).
 */
public final class FlightEndpoint implements AutoCloseable {
    private final FlightServer server;
    private final String host;

    /** {@code host}: the address to bind; a wildcard (0.0.0.0, ::) binds every interface and is reached by this machine's name. */
    public FlightEndpoint(BufferAllocator allocator, String host, PortRange ports, FlightProducer producer, ClusterSecret secret) {
        requireNonNull(host, "host is null");
        this.server = start(allocator, host, ports, producer, secret);
        this.host = isWildcard(host) ? localName() : host;
    }

    private static FlightServer start(BufferAllocator allocator, String host, PortRange ports, FlightProducer producer, ClusterSecret secret) {
        IOException last = null;
        for (int port = ports.from(); port <= ports.to(); port++) {
            FlightServer candidate = FlightServer.builder(allocator, Location.forGrpcInsecure(host, port), producer)
                    .headerAuthenticator(ClusterAuthentication.server(secret))
                    .build();
            try {
                return candidate.start();
            } catch (IOException e) {
                last = e;
                closeQuietly(candidate);
            }
        }
        throw new UncheckedIOException("Cannot start Flight on " + host + " in ports " + ports.from() + "-" + ports.to(), last);
    }

    /** Where clients reach it, e.g. {@code grpc+tcp://127.0.0.1:40123}. */
    public String location() {
        return Location.forGrpcInsecure(host, server.getPort()).getUri().toString();
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    private static String localName() {
        try {
            return java.net.InetAddress.getLocalHost().getCanonicalHostName();
        } catch (java.net.UnknownHostException e) {
            throw new UncheckedIOException("This machine has no name to give its Flight location", e);
        }
    }

    private static void closeQuietly(FlightServer server) {
        try {
            server.close();
        } catch (Exception ignored) {
            // it never started
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdown();
        server.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        server.close();
    }
}
