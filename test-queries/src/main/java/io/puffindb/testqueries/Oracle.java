package io.puffindb.testqueries;

import static java.lang.String.format;

import io.puffindb.lake.SqlLiterals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;

/**
 * The correctness oracle: one plain DuckDB over the same lake files, each table a view over its
 * folder, running the case's SQL text as it is.
 */
public final class Oracle implements AutoCloseable {
    private final Connection duckdb;
    private final String searchPath;

    public Oracle(Path lakeRoot, String defaultSchema) throws SQLException {
        this.duckdb = DriverManager.getConnection("jdbc:duckdb:");
        this.searchPath = "SET search_path = " + SqlLiterals.string(defaultSchema + ",main");
        try (Statement statement = duckdb.createStatement()) {
            for (Path schema : children(lakeRoot)) {
                String schemaName = schema.getFileName().toString();
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + SqlLiterals.identifier(schemaName));
                for (Path table : children(schema)) {
                    String reader = Files.exists(firstFile(table, ".csv")) ? "read_csv" : "read_parquet";
                    String glob = table.resolve(reader.equals("read_csv") ? "*.csv" : "*.parquet").toString();
                    statement.execute(format("CREATE VIEW %s.%s AS SELECT * FROM %s(%s)", SqlLiterals.identifier(schemaName),
                            SqlLiterals.identifier(table.getFileName().toString()), reader, SqlLiterals.string(glob)));
                }
            }
            statement.execute(searchPath);
        }
    }

    /** Adds the tables of another lake's schema folder, under {@code schema}. */
    public void attach(Path schemaFolder, String schema) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + SqlLiterals.identifier(schema));
            for (Path table : children(schemaFolder)) {
                statement.execute(format("CREATE VIEW %s.%s AS SELECT * FROM read_parquet(%s)", SqlLiterals.identifier(schema),
                        SqlLiterals.identifier(table.getFileName().toString()), SqlLiterals.string(table.resolve("*.parquet").toString())));
            }
        }
    }

    public ResultTable run(String sql, BufferAllocator allocator) throws SQLException, IOException {
        try (Statement statement = duckdb.createStatement()) {
            try (ResultSet resultSet = statement.executeQuery(sql);
                    ArrowReader reader = (ArrowReader) resultSet.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, 65536)) {
                return ResultTable.read(reader);
            } finally {
                // A case's USE must not change where the next case's names resolve.
                statement.execute(searchPath);
            }
        }
    }

    /** The answer to {@code sql} with its parameters bound by DuckDB's own prepared statement ({@code setObject}, value by value). */
    public ResultTable run(String sql, List<Object> params, BufferAllocator allocator) throws SQLException, IOException {
        try (PreparedStatement statement = duckdb.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            try (ResultSet resultSet = statement.executeQuery();
                    ArrowReader reader = (ArrowReader) resultSet.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, 65536)) {
                return ResultTable.read(reader);
            }
        }
    }

    private static Path firstFile(Path folder, String extension) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(extension)).findFirst().orElse(folder.resolve("none" + extension));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> children(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).filter(child -> !child.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        duckdb.close();
    }
}
