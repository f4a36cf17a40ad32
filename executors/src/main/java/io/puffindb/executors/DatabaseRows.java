package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.jdbc.JdbcQueryTable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.arrow.adapter.jdbc.ArrowVectorIterator;
import org.apache.arrow.adapter.jdbc.JdbcToArrow;
import org.apache.arrow.adapter.jdbc.JdbcToArrowConfig;
import org.apache.arrow.adapter.jdbc.JdbcToArrowConfigBuilder;
import org.apache.arrow.adapter.jdbc.JdbcToArrowUtils;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows of a part of the plan pushed into a database, as Arrow batches that DuckDB pulls: the
 * query runs when this opens (so its errors surface before DuckDB is involved); rows are fetched
 * from the database a batch at a time (a cursor, not the whole answer in memory) and converted
 * by Arrow's JDBC reader.
 */
final class DatabaseRows extends ArrowReader {
    // Rows per fetch from the database and per Arrow batch: DuckDB's own vector size times a few.
    private static final int BATCH_ROWS = 8_192;

    private final JdbcQueryTable query;
    private final Connection connection;
    private final Statement statement;
    private final ResultSet rows;
    private final Schema schema;
    private final ArrowVectorIterator batches;

    private DatabaseRows(BufferAllocator allocator, JdbcQueryTable query, Connection connection) throws SQLException, IOException {
        super(allocator);
        this.query = query;
        this.connection = connection;
        // Without a transaction the PostgreSQL driver reads the whole answer at once, ignoring the fetch size.
        connection.setAutoCommit(false);
        this.statement = connection.createStatement();
        statement.setFetchSize(BATCH_ROWS);
        this.rows = statement.executeQuery(query.sql());
        // No calendar: TIMESTAMP columns stay timestamps without a zone, as DuckDB's TIMESTAMP.
        JdbcToArrowConfig config = new JdbcToArrowConfigBuilder(allocator, null).setTargetBatchSize(BATCH_ROWS).build();
        this.schema = JdbcToArrowUtils.jdbcToArrowSchema(rows.getMetaData(), config);
        this.batches = JdbcToArrow.sqlToArrowVectorIterator(rows, config);
    }

    static ArrowReader open(JdbcQueryTable query, BufferAllocator allocator) {
        requireNonNull(query, "query is null");
        Connection connection = query.database().connect();
        try {
            return new DatabaseRows(allocator, query, connection);
        } catch (SQLException e) {
            Closeables.closeQuietly(connection);
            throw query.database().failure("the pushed-down query failed", e);
        } catch (IOException e) {
            Closeables.closeQuietly(connection);
            throw query.database().failure("its answer could not be read as Arrow", e);
        }
    }

    @Override
    protected Schema readSchema() {
        return schema;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        prepareLoadNextBatch();
        if (!batches.hasNext()) {
            return false;
        }
        try (VectorSchemaRoot batch = batches.next()) {
            VectorSchemaRoot root = getVectorSchemaRoot();
            for (int i = 0; i < batch.getFieldVectors().size(); i++) {
                batch.getVector(i).makeTransferPair(root.getVector(i)).transfer();
            }
            root.setRowCount(batch.getRowCount());
        } catch (RuntimeException e) {
            throw new IOException("Reading rows from database " + query.database() + " failed: " + e.getMessage(), e);
        }
        return true;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() throws IOException {
        batches.close();
        try {
            rows.close();
            statement.close();
            connection.close();
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
