package io.puffindb.lake.iceberg;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ColumnStats;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.Lake;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.LakeTable;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.Split;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.lake.store.StoredObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;

/**
 * The tables of an Iceberg catalog: each namespace a schema. A table is read at its current
 * snapshot, or at an older one named after an '@' ({@code "orders@4987123"} by snapshot id,
 * {@code "orders@2026-11-24T10:15:00Z"} as of a time): the snapshot's manifests give the data
 * files with their sizes, row counts and column bounds, and the position-delete files against them.
 * Equality deletes are refused rather than ignored.
 */
public final class IcebergLake implements Lake {
    private static final String AT = "@";

    private final Catalog catalog;

    public IcebergLake(Catalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    @Override
    public List<String> schemaNames() {
        if (!(catalog instanceof SupportsNamespaces namespaces)) {
            return List.of();
        }
        return namespaces.listNamespaces(Namespace.empty()).stream().map(namespace -> namespace.level(namespace.length() - 1)).sorted().toList();
    }

    @Override
    public List<String> tableNames(String schema) {
        return catalog.listTables(Namespace.of(schema)).stream().map(TableIdentifier::name).sorted().toList();
    }

    @Override
    public Optional<LakeTable> table(String schema, String name) {
        int at = name.indexOf(AT);
        String tableName = at < 0 ? name : name.substring(0, at);
        Table table;
        try {
            table = catalog.loadTable(TableIdentifier.of(Namespace.of(schema), tableName));
        } catch (NoSuchTableException e) {
            return Optional.empty();
        }
        Optional<Snapshot> snapshot = at < 0 ? Optional.ofNullable(table.currentSnapshot()) : Optional.of(snapshot(table, name.substring(at + 1), name));
        return Optional.of(read(schema, name, table, snapshot));
    }

    private static Snapshot snapshot(Table table, String version, String name) {
        try {
            Snapshot byId = table.snapshot(Long.parseLong(version));
            if (byId == null) {
                throw new PuffinException(ErrorCode.TABLE_NOT_FOUND, "Table " + name + ": no snapshot " + version);
            }
            return byId;
        } catch (NumberFormatException notAnId) {
            long millis = parseTime(version, name);
            Snapshot asOf = null;
            for (Snapshot candidate : table.snapshots()) {
                if (candidate.timestampMillis() <= millis && (asOf == null || candidate.timestampMillis() > asOf.timestampMillis())) {
                    asOf = candidate;
                }
            }
            if (asOf == null) {
                throw new PuffinException(ErrorCode.TABLE_NOT_FOUND, "Table " + name + ": no snapshot as old as " + version);
            }
            return asOf;
        }
    }

    private static long parseTime(String text, String name) {
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "Table " + name + ": '" + text + "' is neither a snapshot id nor an ISO-8601 time with offset");
        }
    }

    private static LakeTable read(String schemaName, String name, Table table, Optional<Snapshot> snapshot) {
        // The schema the snapshot was written with: time travel shows the columns as they were then.
        Schema schema = snapshot.map(Snapshot::schemaId).map(id -> table.schemas().get(id)).orElse(table.schema());
        List<LakeColumn> columns = new ArrayList<>();
        for (Types.NestedField field : schema.columns()) {
            columns.add(new LakeColumn(field.name(), IcebergTypes.toDuckDb(field.type(), schemaName + "." + name + "." + field.name())));
        }
        List<Split> splits = new ArrayList<>();
        Map<String, String> icebergPaths = new HashMap<>();
        if (snapshot.isPresent()) {
            TableScan scan = table.newScan().useSnapshot(snapshot.get().snapshotId()).includeColumnStats();
            try (CloseableIterable<FileScanTask> tasks = scan.planFiles()) {
                for (FileScanTask task : tasks) {
                    String icebergPath = task.file().location();
                    String location = ObjectStores.location(icebergPath);
                    icebergPaths.put(location, icebergPath);
                    splits.add(new Split(location, task.file().fileSizeInBytes(), task.file().recordCount(),
                            "iceberg-" + task.file().fileSizeInBytes(), stats(schema, task), deleteFiles(task, name)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new LakeTable(schemaName, name, columns, splits, new IcebergScanRenderer(schema, icebergPaths));
    }

    private static List<StoredObject> deleteFiles(FileScanTask task, String table) {
        List<StoredObject> deletes = new ArrayList<>();
        for (DeleteFile delete : task.deletes()) {
            if (delete.content() != FileContent.POSITION_DELETES || delete.format() != org.apache.iceberg.FileFormat.PARQUET) {
                throw new PuffinException(ErrorCode.QUERY_FAILED, "Table " + table + " has " + delete.content() + " in " + delete.format()
                        + " files; PuffinDB applies only Parquet position deletes (rewrite the table's deletes, e.g. with rewrite_position_delete_files)");
            }
            deletes.add(new StoredObject(ObjectStores.location(delete.location()), delete.fileSizeInBytes(), "iceberg-" + delete.fileSizeInBytes()));
        }
        return deletes;
    }

    // Bounds are kept by field id: a renamed column keeps its statistics.
    private static Map<String, ColumnStats> stats(Schema schema, FileScanTask task) {
        Map<String, ColumnStats> stats = new HashMap<>();
        for (Types.NestedField field : schema.columns()) {
            if (!field.type().isPrimitiveType()) {
                continue;
            }
            int id = field.fieldId();
            Long nulls = task.file().nullValueCounts() == null ? null : task.file().nullValueCounts().get(id);
            Optional<String> min = task.file().lowerBounds() == null ? Optional.empty() : IcebergTypes.boundText(field.type(), task.file().lowerBounds().get(id));
            Optional<String> max = task.file().upperBounds() == null ? Optional.empty() : IcebergTypes.boundText(field.type(), task.file().upperBounds().get(id));
            // Without a null count the file's statistics say too little to rule anything out.
            if (nulls != null) {
                stats.put(field.name(), new ColumnStats(min, max, nulls));
            }
        }
        return stats;
    }
}
