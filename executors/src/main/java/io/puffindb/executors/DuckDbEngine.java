package io.puffindb.executors;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.SqlLiterals;
import io.puffindb.lake.cache.FileCache;
import io.puffindb.lake.store.StoredObject;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * One DuckDB database — the MONOSTORE's engine, or a worker's — with its SSD cache of remote lake
 * files. Each query gets its own connection to it (DuckDB connections are not shared between
 * threads); all share the buffer pool and the cache.
 *
 * <p>Locked down: DuckDB reaches no file and no network beyond the folders it must read — the local
 * lake's, its cache's, its RAM layer's — and its spill folder, loads no extension from disk, and no
 * SQL can change that back ({@code lock_configuration}).
 */
public final class DuckDbEngine implements AutoCloseable {
    /** Where every engine's DuckDB spills: the system's temp space, not whatever folder the process started in. */
    static final Path TEMP_DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "puffindb-duckdb");

    private final DuckDBConnection database;
    private final FileCache cache;

    /**
     * An in-memory database with the given thread count and memory limit (e.g. "4GB"), reading remote
     * files from {@code cache}, and local ones only under {@code readableFolders} (the lake's, the RAM layer's).
     */
    public DuckDbEngine(EngineLimits limits, FileCache cache, List<Path> readableFolders) {
        this.cache = requireNonNull(cache, "cache is null");
        List<String> allowed = new ArrayList<>();
        Stream.concat(readableFolders.stream(), Stream.of(cache.root(), TEMP_DIRECTORY))
                .map(folder -> folder.toAbsolutePath().normalize().toString().replaceAll("/*$", "/"))
                .distinct()
                .forEach(allowed::add);
        Properties settings = new Properties();
        settings.setProperty("threads", String.valueOf(limits.threads()));
        settings.setProperty("memory_limit", limits.memory());
        settings.setProperty("max_temp_directory_size", limits.maxTemp());
        // Remote files are fetched by our connectors, never by DuckDB itself.
        settings.setProperty("autoinstall_known_extensions", "false");
        settings.setProperty("autoload_known_extensions", "false");
        settings.setProperty("temp_directory", TEMP_DIRECTORY.toString());
        // Nothing outside these folders: no read_text('/etc/passwd'), no COPY ... TO elsewhere, no ATTACH of a file, no INSTALL.
        settings.setProperty("allowed_directories", SqlLiterals.stringList(allowed));
        settings.setProperty("enable_external_access", "false");
        settings.setProperty("lock_configuration", "true");
        // Results stream batch by batch instead of being materialized before the first row.
        settings.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
        try {
            this.database = DriverManager.getConnection("jdbc:duckdb:", settings).unwrap(DuckDBConnection.class);
        } catch (SQLException e) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, format("Cannot start DuckDB: %s", e.getMessage()), e);
        }
    }

    /**
     * {@code sql} as this engine runs it: rendered SQL names each remote file by its cache name, and a
     * locked-down DuckDB opens only absolute paths of its allowed folders (it checks a relative name
     * before resolving it along {@code file_search_path}), so each of {@code files} is named by its
     * path in this engine's cache. The names are digests (see {@link FileCache#nameOf}): no other text matches.
     */
    public String atCachedPaths(String sql, List<StoredObject> files) {
        String located = sql;
        for (StoredObject file : files) {
            String name = FileCache.nameOf(file);
            located = located.replace(SqlLiterals.string(name), SqlLiterals.string(cache.root().resolve(name).toString()));
        }
        return located;
    }

    /** Makes the remote files a query reads present in this engine's cache until the lease closes. */
    public FileCache.Lease stage(List<StoredObject> files) {
        return cache.stage(files);
    }

    public FileCache cache() {
        return cache;
    }

    /** The memory DuckDB's buffer manager holds now, all its tags together ({@code duckdb_memory()}), for the metrics. */
    public long memoryBytes() {
        try (DuckDBConnection connection = connect(); Statement statement = connection.createStatement();
                ResultSet memory = statement.executeQuery("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()")) {
            memory.next();
            return memory.getLong(1);
        } catch (SQLException e) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, format("Cannot read DuckDB's memory use: %s", e.getMessage()), e);
        }
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
