package io.puffindb.lake.cache;

import io.puffindb.lake.SqlLiterals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rewrites a Parquet file uncompressed with DuckDB, rows in their order (Iceberg position deletes
 * count them) and each column's field id kept (Iceberg, and Delta's column mapping, resolve columns
 * by id). A file with nested columns is copied as stored: their field ids would need a nested
 * mapping this does not build.
 */
final class UncompressedParquet {
    private UncompressedParquet() {
    }

    /** One leaf or group of the file's Parquet schema, in the order parquet_schema lists them. */
    private record SchemaNode(String name, int children, Integer fieldId) {
    }

    static void rewrite(Path from, Path to) throws IOException {
        String source = SqlLiterals.string(from.toString());
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            // One thread: a background copy must not compete with queries; it keeps the rows' order too.
            statement.execute("SET threads = 1");
            statement.execute("SET preserve_insertion_order = true");
            List<SchemaNode> columns = columns(statement, source);
            if (columns.stream().anyMatch(column -> column.children() > 0)) {
                Files.copy(from, to);
                return;
            }
            StringBuilder options = new StringBuilder("FORMAT parquet, COMPRESSION uncompressed");
            if (columns.stream().anyMatch(column -> column.fieldId() != null)) {
                options.append(", FIELD_IDS {").append(columns.stream().filter(column -> column.fieldId() != null)
                        .map(column -> SqlLiterals.string(column.name()) + ": " + column.fieldId()).collect(Collectors.joining(", "))).append('}');
            }
            statement.execute("COPY (SELECT * FROM read_parquet(" + source + ", hive_partitioning = false)) TO " + SqlLiterals.string(to.toString())
                    + " (" + options + ")");
        } catch (SQLException e) {
            Files.deleteIfExists(to);
            throw new IOException("Cannot rewrite " + from.getFileName() + " uncompressed: " + e.getMessage(), e);
        }
    }

    // The schema's top-level columns (the first row is the schema's root).
    private static List<SchemaNode> columns(Statement statement, String source) throws SQLException {
        List<SchemaNode> nodes = new ArrayList<>();
        try (ResultSet schema = statement.executeQuery("SELECT name, coalesce(num_children, 0), field_id FROM parquet_schema(" + source + ")")) {
            while (schema.next()) {
                nodes.add(new SchemaNode(schema.getString(1), schema.getInt(2), schema.getObject(3) == null ? null : schema.getInt(3)));
            }
        }
        return nodes.subList(1, nodes.size());
    }
}
