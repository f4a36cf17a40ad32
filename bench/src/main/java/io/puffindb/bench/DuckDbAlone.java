package io.puffindb.bench;

import io.puffindb.lake.SqlLiterals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/** The baseline: one DuckDB over the same Parquet files (a view per table folder), the query text as it is. */
final class DuckDbAlone implements AutoCloseable {
    private final Connection duckdb;

    DuckDbAlone(Path schemaFolder) throws SQLException {
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = duckdb.createStatement()) {
            for (Path table : tables(schemaFolder)) {
                statement.execute("CREATE VIEW " + SqlLiterals.identifier(table.getFileName().toString()) + " AS " + scanOf(table));
            }
        }
    }

    /**
     * DuckDB alone over in-memory tables loaded from the same files, in an attached in-memory database
     * that compresses them (with a checkpoint) or not, as the MONOSTORE's RAM layer holds hot tables.
     */
    static DuckDbAlone inMemory(Path schemaFolder, boolean compressed) throws SQLException {
        DuckDbAlone alone = new DuckDbAlone();
        try (Statement statement = alone.duckdb.createStatement()) {
            statement.execute("ATTACH ':memory:' AS tables_in_ram" + (compressed ? " (COMPRESS)" : ""));
            for (Path table : tables(schemaFolder)) {
                statement.execute("CREATE TABLE tables_in_ram." + SqlLiterals.identifier(table.getFileName().toString()) + " AS " + scanOf(table));
            }
            if (compressed) {
                statement.execute("CHECKPOINT tables_in_ram");
            }
            statement.execute("USE tables_in_ram");
        }
        return alone;
    }

    private DuckDbAlone() throws SQLException {
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
    }

    /** Bytes DuckDB's in-memory tables take. */
    long inMemoryTableBytes() throws SQLException {
        try (Statement statement = duckdb.createStatement();
                ResultSet memory = statement.executeQuery("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() WHERE tag = 'IN_MEMORY_TABLE'")) {
            memory.next();
            return memory.getLong(1);
        }
    }

    private static String scanOf(Path table) {
        return "SELECT * FROM read_parquet(" + SqlLiterals.string(table.resolve("*.parquet").toString()) + ")";
    }

    /** Runs the query and reads every row; answers the row count. */
    long run(String sql) throws SQLException {
        long rows = 0;
        try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                for (int i = 1; i <= columns; i++) {
                    result.getObject(i);
                }
                rows++;
            }
        }
        return rows;
    }

    private static List<Path> tables(Path schemaFolder) {
        try (Stream<Path> children = Files.list(schemaFolder)) {
            return children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        duckdb.close();
    }
}
