package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.cache.FileCache;
import java.sql.ResultSet;
import java.sql.Statement;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;

/**
 * A running DuckDB query whose result is read as Arrow batches. Closing it releases the batches,
 * the result set, the connection and its hold on the cached files it reads, in that order.
 */
public final class ArrowResult implements AutoCloseable {
    private final FileCache.Lease files;
    private final DuckDBConnection connection;
    private final Statement statement;
    private final ResultSet resultSet;
    private final ArrowReader reader;

    /** Where the lake files this result reads came from: the engine's SSD cache, or fetched now. */
    public io.puffindb.lake.cache.CacheUsage cacheUsage() {
        return files.usage();
    }

    ArrowResult(FileCache.Lease files, DuckDBConnection connection, Statement statement, ResultSet resultSet, ArrowReader reader) {
        this.files = requireNonNull(files, "files is null");
        this.connection = requireNonNull(connection, "connection is null");
        this.statement = requireNonNull(statement, "statement is null");
        this.resultSet = requireNonNull(resultSet, "resultSet is null");
        this.reader = requireNonNull(reader, "reader is null");
    }

    /** The batches, one {@code loadNextBatch()} at a time; DuckDB produces them as they are read. */
    public ArrowReader reader() {
        return reader;
    }

    @Override
    public void close() throws Exception {
        try (files; connection; statement; resultSet; reader) {
            // closes in reverse order: reader, result set, statement, connection, then the files it read
        }
    }
}
