package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.flight.StreamedQueryErrors;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.cache.FileCache;
import io.puffindb.lake.store.StoredObject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;

/** Runs DuckDB SQL on an engine and hands back its result as an Arrow stream (DuckDB's own export). */
public final class DuckDbRunner {
    private final DuckDbEngine engine;
    private final int batchRows;

    public DuckDbRunner(DuckDbEngine engine, int batchRows) {
        this.engine = requireNonNull(engine, "engine is null");
        this.batchRows = batchRows;
    }

    /**
     * Runs {@code sql} once the remote {@code files} it reads are in the engine's cache;
     * {@code cancellation} can stop it from the moment the statement exists, and {@code prepare}
     * registers its inputs in the connection first.
     */
    public ArrowResult run(String sql, List<StoredObject> files, BufferAllocator allocator, String what, Cancellation cancellation,
            Consumer<DuckDBConnection> prepare) {
        FileCache.Lease lease = engine.stage(files);
        DuckDBConnection connection = engine.connect();
        Statement statement = null;
        ResultSet resultSet = null;
        try {
            prepare.accept(connection);
            statement = connection.createStatement();
            cancellation.attach(statement);
            resultSet = statement.executeQuery(engine.atCachedPaths(sql, files));
            if (cancellation.isCancelled()) {
                // DuckDB drops an interrupt that comes before its statement starts, and closed inputs read as ended:
                // rows computed after a cancel are never an answer.
                throw new SQLException(what + " was cancelled before it started");
            }
            ArrowReader reader = (ArrowReader) resultSet.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, batchRows);
            return new ArrowResult(lease, connection, statement, resultSet, reader);
        } catch (SQLException e) {
            // DuckDB's own message where the streaming driver lost it (a bad cast said only "Invalid result set").
            SQLException failure = cancellation.isCancelled() ? e : StreamedQueryErrors.recover(e, connection, engine.atCachedPaths(sql, files));
            Closeables.closeQuietly(resultSet, statement, connection, lease);
            throw cancellation.isCancelled() ? new PuffinException(ErrorCode.CANCELLED, what + " was cancelled", e) : DuckDbErrors.fromDuckDb(failure, what);
        } catch (RuntimeException e) {
            // Inputs fail too when the query is cancelled while they start (a handover waits for its whole stage).
            Closeables.closeQuietly(resultSet, statement, connection, lease);
            throw cancellation.isCancelled() ? new PuffinException(ErrorCode.CANCELLED, what + " was cancelled", e) : e;
        }
    }
}
