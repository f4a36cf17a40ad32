package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.arrow.flight.FlightProducer;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;

/** A running Flight server on one host and port (0 picks a free port). */
public final class FlightEndpoint implements AutoCloseable {
    private final FlightServer server;
    private final String host;

    public FlightEndpoint(BufferAllocator allocator, String host, int port, FlightProducer producer) {
        this.host = requireNonNull(host, "host is null");
        this.server = FlightServer.builder(allocator, Location.forGrpcInsecure(host, port), producer).build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Flight on " + host + ":" + port, e);
        }
    }

    /** Where clients reach it, e.g. {@code grpc+tcp://127.0.0.1:40123}. */
    public String location() {
        return Location.forGrpcInsecure(host, server.getPort()).getUri().toString();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdown();
        server.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        server.close();
    }
}
