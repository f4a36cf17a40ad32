package io.puffindb.lake.iceberg;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.joining;

import io.puffindb.lake.ColumnStats;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.FileFormat;
import io.puffindb.lake.FileMetadataReader;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.SqlLiterals;
import io.puffindb.lake.store.ObjectStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;

/**
 * Writes Iceberg tables from DuckDB queries: DuckDB writes each data file as Parquet with the
 * table's field ids, the file goes to the table's data location (local or S3), and Iceberg commits
 * it with metrics taken from the file's own footer. For the demo lake and for tests.
 */
public final class IcebergTableWriter {
    private final Catalog catalog;
    private final ObjectStores stores;
    private final FileMetadataReader metadataReader;
    private final Path scratch;

    public IcebergTableWriter(Catalog catalog, ObjectStores stores, FileMetadataReader metadataReader, Path scratch) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.stores = requireNonNull(stores, "stores is null");
        this.metadataReader = requireNonNull(metadataReader, "metadataReader is null");
        this.scratch = requireNonNull(scratch, "scratch is null");
    }

    /** A new unpartitioned format-v2 table with these DuckDB-typed columns (all optional). */
    public Table create(TableIdentifier name, List<LakeColumn> columns) {
        List<Types.NestedField> fields = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            LakeColumn column = columns.get(i);
            fields.add(Types.NestedField.optional(i + 1, column.name(), IcebergTypes.fromDuckDb(column.duckDbType(), name + "." + column.name())));
        }
        return catalog.buildTable(name, new Schema(fields))
                .withPartitionSpec(PartitionSpec.unpartitioned())
                .withProperty(TableProperties.FORMAT_VERSION, "2")
                .create();
    }

    /** Writes the rows of {@code query} (run on {@code duckdb}) as one data file of {@code table}; not yet committed. */
    public DataFile writeDataFile(Table table, Connection duckdb, String query) {
        Schema schema = table.schema();
        String fieldIds = schema.columns().stream().map(field -> SqlLiterals.identifier(field.name()) + ": " + field.fieldId()).collect(joining(", "));
        Path local = scratch.resolve(UUID.randomUUID() + ".parquet");
        try (Statement statement = duckdb.createStatement()) {
            Files.createDirectories(scratch);
            statement.execute("COPY (" + query + ") TO " + SqlLiterals.string(local.toString()) + " (FORMAT parquet, FIELD_IDS {" + fieldIds + "})");
            List<LakeColumn> columns = metadataReader.readColumns(FileFormat.PARQUET, List.of(local.toString()));
            FileMetadataReader.FileFacts facts = metadataReader.readFacts(FileFormat.PARQUET, List.of(local.toString()), columns).get(local.toString());
            String location = table.locationProvider().newDataLocation(local.getFileName().toString());
            stores.forLocation(ObjectStores.location(location)).upload(local, ObjectStores.location(location));
            return DataFiles.builder(table.spec())
                    .withPath(location)
                    .withFormat(org.apache.iceberg.FileFormat.PARQUET)
                    .withFileSizeInBytes(Files.size(local))
                    .withMetrics(metrics(schema, facts))
                    .build();
        } catch (SQLException e) {
            throw new PuffinException(ErrorCode.QUERY_FAILED, "Cannot write a data file of " + table.name() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(local);
            } catch (IOException ignored) {
                // a leftover scratch file wastes space, nothing more
            }
        }
    }

    /** Commits the files as one append: a new snapshot. */
    public void append(Table table, List<DataFile> files) {
        var append = table.newAppend();
        files.forEach(append::appendFile);
        append.commit();
    }

    private static Metrics metrics(Schema schema, FileMetadataReader.FileFacts facts) {
        Map<Integer, Long> nulls = new HashMap<>();
        Map<Integer, ByteBuffer> lower = new HashMap<>();
        Map<Integer, ByteBuffer> upper = new HashMap<>();
        for (Types.NestedField field : schema.columns()) {
            ColumnStats stats = facts.columnStats().get(field.name());
            if (stats == null) {
                continue;
            }
            nulls.put(field.fieldId(), stats.nullCount());
            stats.min().flatMap(min -> IcebergTypes.bound(field.type(), min)).ifPresent(bound -> lower.put(field.fieldId(), bound));
            stats.max().flatMap(max -> IcebergTypes.bound(field.type(), max)).ifPresent(bound -> upper.put(field.fieldId(), bound));
        }
        return new Metrics(facts.rowCount(), Map.of(), Map.of(), nulls, Map.of(), lower, upper);
    }
}
