package io.puffindb.lake.demo;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;

/** The generators' staging folders: written under a temporary name, removed when a run was interrupted. */
final class StagingFolders {
    /** Writes a schema's tables into a staging folder with one in-memory DuckDB. */
    @FunctionalInterface
    interface SchemaWriter<T> {
        T write(DuckDBConnection duckdb, Path staging) throws SQLException, IOException;
    }

    private StagingFolders() {
    }

    /**
     * Runs {@code writer} on {@code schemaFolder}'s staging sibling, then renames it to {@code schemaFolder},
     * so an interrupted run leaves no half schema; {@code what} names the data in a failure.
     */
    static <T> T writeSchema(Path schemaFolder, String what, SchemaWriter<T> writer) {
        Path staging = schemaFolder.resolveSibling("." + schemaFolder.getFileName() + ".generating");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            deleteRecursively(staging);
            T written = writer.write(connection.unwrap(DuckDBConnection.class), staging);
            Files.move(staging, schemaFolder, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } catch (SQLException e) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, what + " generation failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
