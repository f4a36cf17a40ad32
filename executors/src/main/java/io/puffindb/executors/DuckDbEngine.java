package io.puffindb.executors;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.cache.FileCache;
import io.puffindb.lake.store.StoredObject;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * One DuckDB database — the MONOSTORE's engine, or a worker's — with its SSD cache of remote lake
 * files. Each query gets its own connection to it (DuckDB connections are not shared between
 * threads); all share the buffer pool and the cache.
 */
public final class DuckDbEngine implements AutoCloseable {
    private final DuckDBConnection database;
    private final FileCache cache;

    /** An in-memory database with the given thread count and memory limit (e.g. "4GB"), reading remote files from {@code cache}. */
    public DuckDbEngine(int threads, String memoryLimit, FileCache cache) {
        this.cache = requireNonNull(cache, "cache is null");
        Properties settings = new Properties();
        settings.setProperty("threads", String.valueOf(threads));
        settings.setProperty("memory_limit", memoryLimit);
        // Remote files are fetched by our connectors, never by DuckDB itself.
        settings.setProperty("autoinstall_known_extensions", "false");
        settings.setProperty("autoload_known_extensions", "false");
        // Spills go to the system's temp space, not to whatever folder the process started in.
        settings.setProperty("temp_directory", java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "puffindb-duckdb").toString());
        // Rendered SQL names a remote file by its cache name: DuckDB resolves it in the cache folder.
        settings.setProperty("file_search_path", cache.root().toString());
        // Results stream batch by batch instead of being materialized before the first row.
        settings.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
        try {
            this.database = DriverManager.getConnection("jdbc:duckdb:", settings).unwrap(DuckDBConnection.class);
        } catch (SQLException e) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, format("Cannot start DuckDB: %s", e.getMessage()), e);
        }
    }

    /** Makes the remote files a query reads present in this engine's cache until the lease closes. */
    public FileCache.Lease stage(List<StoredObject> files) {
        return cache.stage(files);
    }

    public FileCache cache() {
        return cache;
    }

    /** A new connection to this database, for one query. */
    public DuckDBConnection connect() {
        try {
            return (DuckDBConnection) database.duplicate();
        } catch (SQLException e) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, format("Cannot open a DuckDB connection: %s", e.getMessage()), e);
        }
    }

    @Override
    public void close() throws SQLException {
        try (cache) {
            database.close();
        }
    }
}
