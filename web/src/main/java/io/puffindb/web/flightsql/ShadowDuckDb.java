package io.puffindb.web.flightsql;

import static java.lang.String.format;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.SqlLiterals;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small in-memory DuckDB with no rows and no access to files, holding empty tables shaped like the
 * catalog's. It answers two questions the same way the engines would: the Arrow schema DuckDB gives
 * columns of these types (so metadata and results agree), and the types of a statement's {@code ?}
 * parameters (which DuckDB infers from where each stands).
 */
final class ShadowDuckDb implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowDuckDb.class);
    static final String UNKNOWN = "VARCHAR";

    private final DuckDBConnection duckdb;
    private final BufferAllocator allocator;
    private final Set<String> attached = new HashSet<>();

    ShadowDuckDb(BufferAllocator allocator) {
        this.allocator = allocator;
        Properties settings = new Properties();
        settings.setProperty("enable_external_access", "false");
        settings.setProperty("threads", "1");
        try {
            this.duckdb = DriverManager.getConnection("jdbc:duckdb:", settings).unwrap(DuckDBConnection.class);
        } catch (SQLException e) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, "The DuckDB that describes Flight SQL metadata did not start: " + e.getMessage(), e);
        }
    }

    /** The Arrow schema of columns of these DuckDB types, as DuckDB exports them. */
    synchronized Schema arrowSchema(List<LakeColumn> columns) {
        if (columns.isEmpty()) {
            return new Schema(List.of());
        }
        String select = columns.stream().map(column -> "CAST(NULL AS " + column.duckDbType() + ") AS " + SqlLiterals.identifier(column.name()))
                .collect(Collectors.joining(", "));
        try (Statement statement = duckdb.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + select + " LIMIT 0");
                ArrowReader reader = (ArrowReader) rows.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, 1024)) {
            return reader.getVectorSchemaRoot().getSchema();
        } catch (Exception e) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, format("Cannot describe columns %s as Arrow: %s", columns, e.getMessage()), e);
        }
    }

    /** DuckDB's types for the {@code ?} parameters of {@code sql} over these tables; VARCHAR where it cannot tell. */
    synchronized List<String> parameterTypes(String sql, int count, List<ListedTable> tables, List<String> defaultSchema) {
        List<String> types = new ArrayList<>();
        try {
            declare(tables);
            try (Statement statement = duckdb.createStatement()) {
                statement.execute("USE " + defaultSchema.stream().map(SqlLiterals::identifier).collect(Collectors.joining(".")));
            }
            try (PreparedStatement statement = duckdb.prepareStatement(sql)) {
                ParameterMetaData parameters = statement.getParameterMetaData();
                for (int i = 1; i <= parameters.getParameterCount(); i++) {
                    types.add(castable(parameters.getParameterTypeName(i)));
                }
            }
        } catch (SQLException e) {
            LOG.debug("DuckDB cannot type the parameters of {}: {}", sql, e.getMessage());
        }
        if (types.size() != count) {
            return java.util.Collections.nCopies(count, UNKNOWN);
        }
        return types;
    }

    // A type name DuckDB infers, if a column can have it (a parameter whose place says nothing is UNKNOWN or NULL).
    private String castable(String type) {
        if (type == null) {
            return UNKNOWN;
        }
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("SELECT CAST(NULL AS " + type + ")");
            return type;
        } catch (SQLException e) {
            return UNKNOWN;
        }
    }

    private void declare(List<ListedTable> tables) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            for (ListedTable table : tables) {
                String schema = SqlLiterals.identifier(table.schema());
                if (table.catalog().isPresent()) {
                    String catalog = SqlLiterals.identifier(table.catalog().get());
                    if (attached.add(table.catalog().get())) {
                        statement.execute("ATTACH ':memory:' AS " + catalog);
                    }
                    schema = catalog + "." + schema;
                }
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                String columns = table.columns().stream().map(column -> SqlLiterals.identifier(column.name()) + " " + column.duckDbType())
                        .collect(Collectors.joining(", "));
                statement.execute("CREATE OR REPLACE TABLE " + schema + "." + SqlLiterals.identifier(table.name()) + " (" + columns + ")");
            }
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        duckdb.close();
    }
}
