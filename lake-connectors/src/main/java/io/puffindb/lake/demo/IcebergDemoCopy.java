package io.puffindb.lake.demo;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.FileFormat;
import io.puffindb.lake.FileMetadataReader;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.SqlLiterals;
import io.puffindb.lake.iceberg.IcebergTableWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;

/** Copies a folder schema of Parquet tables into an Iceberg namespace, file for file, one append per table. */
public final class IcebergDemoCopy {
    private final Catalog catalog;
    private final IcebergTableWriter writer;
    private final FileMetadataReader metadataReader;

    public IcebergDemoCopy(Catalog catalog, IcebergTableWriter writer, FileMetadataReader metadataReader) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.writer = requireNonNull(writer, "writer is null");
        this.metadataReader = requireNonNull(metadataReader, "metadataReader is null");
    }

    public void copy(Path schemaFolder, String namespace, GenerationProgress progress) {
        if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(Namespace.of(namespace))) {
            namespaces.createNamespace(Namespace.of(namespace));
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Stream<Path> tables = Files.list(schemaFolder)) {
            for (Path tableFolder : tables.filter(Files::isDirectory).sorted().toList()) {
                List<String> files = parquetFiles(tableFolder);
                List<LakeColumn> columns = metadataReader.readColumns(FileFormat.PARQUET, files);
                Table table = writer.create(TableIdentifier.of(namespace, tableFolder.getFileName().toString()), columns);
                List<DataFile> dataFiles = new ArrayList<>();
                for (String file : files) {
                    dataFiles.add(writer.writeDataFile(table, duckdb, "SELECT * FROM read_parquet(" + SqlLiterals.string(file) + ")"));
                    progress.rowsWritten("iceberg " + table.name() + " (files)", dataFiles.size(), files.size());
                }
                writer.append(table, dataFiles);
            }
        } catch (SQLException e) {
            throw new PuffinException(ErrorCode.QUERY_FAILED, "Cannot copy " + schemaFolder + " to Iceberg: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> parquetFiles(Path tableFolder) throws IOException {
        try (Stream<Path> files = Files.list(tableFolder)) {
            return files.map(Path::toString).filter(name -> name.endsWith(".parquet")).sorted().toList();
        }
    }
}
