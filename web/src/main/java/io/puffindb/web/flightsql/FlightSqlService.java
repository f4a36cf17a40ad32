package io.puffindb.web.flightsql;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.QueryExecutor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's Arrow Flight SQL endpoint (JDBC, ADBC, BI tools): on the HTTP server's address, its
 * calls authenticated by the same bearer tokens, its queries run by the same executor.
 */
public final class FlightSqlService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlightSqlService.class);

    private final BufferAllocator allocator;
    private final PuffinSqlProducer producer;
    private final FlightServer server;

    /**
     * @param tls the HTTP server's certificate and key, when it serves HTTPS: Flight SQL is then served over
     *     TLS too, so the bearer tokens never cross the network in clear text on either port
     * @param unclaimed how long a started query waits for the client to fetch it
     * @param defaultSchema where unqualified table names resolve (to type parameters as the planner would)
     */
    public FlightSqlService(BufferAllocator parent, String bind, int port, Optional<PemPair> tls, QueryExecutor executor, CatalogTables catalog,
            List<String> defaultSchema, BearerTokens tokens, QueryListing listing, Duration unclaimed) {
        requireNonNull(parent, "parent is null");
        requireNonNull(tls, "tls is null");
        this.allocator = parent.newChildAllocator("flight-sql", 0, Long.MAX_VALUE);
        this.producer = new PuffinSqlProducer(allocator, executor, catalog, defaultSchema, listing, unclaimed, version());
        FlightServer.Builder builder = FlightServer.builder(allocator, tls.isPresent() ? Location.forGrpcTls(bind, port) : Location.forGrpcInsecure(bind, port),
                producer).headerAuthenticator(new TokenAuthenticator(tokens));
        if (tls.isPresent()) {
            try {
                builder.useTls(tls.get().certificateChain().toFile(), tls.get().privateKey().toFile());
            } catch (IOException e) {
                throw new io.puffindb.lake.PuffinException(io.puffindb.lake.ErrorCode.BAD_REQUEST,
                        "Cannot serve Flight SQL over TLS from " + tls.get() + ": " + e.getMessage(), e);
            }
        }
        this.server = builder.build();
    }

    public FlightSqlService start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new io.puffindb.lake.PuffinException(io.puffindb.lake.ErrorCode.BAD_REQUEST,
                    "Cannot serve Flight SQL on port " + server.getLocation() + ": " + e.getMessage() + " (--flight-sql-port)", e);
        }
        LOG.info("Arrow Flight SQL on {}", server.getLocation().getUri());
        return this;
    }

    public int port() {
        return server.getPort();
    }

    private static String version() {
        String version = FlightSqlService.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @Override
    public void close() throws Exception {
        try (BufferAllocator memory = allocator; PuffinSqlProducer queries = producer) {
            server.shutdown();
            server.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
