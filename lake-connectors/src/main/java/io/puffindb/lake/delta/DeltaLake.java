package io.puffindb.lake.delta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.puffindb.lake.ColumnStats;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.Lake;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.LakeTable;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.Split;
import io.puffindb.lake.TableFolders;
import io.puffindb.lake.store.ObjectStore;
import io.puffindb.lake.store.ObjectStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Delta Lake tables under one folder ({@code root/<table>/_delta_log}), local or on S3, as one
 * schema. Delta Kernel replays the log (JSON commits and Parquet checkpoints) into the active files
 * with their partition values and statistics; a table is read at its latest version or at an older
 * one named after an '@' ({@code "sales@3"} by version, {@code "sales@2026-11-24T10:15:00Z"} as of a
 * time). Deletion vectors and column mapping are refused rather than misread.
 */
public final class DeltaLake implements Lake {
    private static final String AT = "@";
    private static final String LOG = "_delta_log";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TableFolders folders;
    private final ObjectStore store;
    private final Engine engine;

    /** {@code root} is a local folder or {@code s3://bucket/prefix} holding one folder per table. */
    public DeltaLake(String schemaName, String root, ObjectStores stores) {
        this.folders = new TableFolders(schemaName, root, stores);
        this.store = folders.store();
        this.engine = DefaultEngine.create(new ObjectStoreKernelFileIO(stores));
    }

    @Override
    public List<String> schemaNames() {
        return folders.schemaNames();
    }

    @Override
    public List<String> tableNames(String schema) {
        return folders.tableNames(schema, folder -> !store.files(folder + "/" + LOG).isEmpty());
    }

    @Override
    public Optional<LakeTable> table(String schema, String name) {
        if (!folders.isSchema(schema)) {
            return Optional.empty();
        }
        int at = name.indexOf(AT);
        String location = folders.location(at < 0 ? name : name.substring(0, at));
        if (store.files(location + "/" + LOG).isEmpty()) {
            return Optional.empty();
        }
        try {
            Table table = Table.forPath(engine, ObjectStoreKernelFileIO.kernelPath(store, location));
            Snapshot snapshot = at < 0 ? table.getLatestSnapshot(engine) : snapshot(table, name.substring(at + 1), name);
            return Optional.of(read(schema, name, snapshot));
        } catch (TableNotFoundException e) {
            return Optional.empty();
        } catch (KernelException e) {
            throw new PuffinException(ErrorCode.QUERY_FAILED, "Delta table " + schema + "." + name + ": " + e.getMessage(), e);
        }
    }

    private Snapshot snapshot(Table table, String version, String name) {
        try {
            return table.getSnapshotAsOfVersion(engine, Long.parseLong(version));
        } catch (NumberFormatException notAVersion) {
            long millis;
            try {
                millis = OffsetDateTime.parse(version).toInstant().toEpochMilli();
            } catch (RuntimeException e) {
                throw new PuffinException(ErrorCode.BAD_REQUEST, "Table " + name + ": '" + version + "' is neither a version nor an ISO-8601 time with offset");
            }
            return table.getSnapshotAsOfTimestamp(engine, millis);
        }
    }

    private LakeTable read(String schema, String name, Snapshot snapshot) {
        String mapping = snapshot.getTableProperties().getOrDefault("delta.columnMapping.mode", "none");
        if (!"none".equals(mapping)) {
            throw new PuffinException(ErrorCode.QUERY_FAILED, "Delta table " + schema + "." + name + " uses column mapping mode '" + mapping
                    + "', which PuffinDB does not read yet");
        }
        List<LakeColumn> columns = new ArrayList<>();
        Map<String, DataType> types = new HashMap<>();
        for (StructField field : snapshot.getSchema().fields()) {
            columns.add(new LakeColumn(field.getName(), DeltaTypes.toDuckDb(field.getDataType(), schema + "." + name + "." + field.getName())));
            types.put(field.getName(), field.getDataType());
        }
        Set<String> partitionColumns = new HashSet<>(snapshot.getPartitionColumnNames());
        List<Split> splits = new ArrayList<>();
        Map<String, Map<String, String>> partitionValues = new HashMap<>();
        Scan scan = snapshot.getScanBuilder().build();
        try (CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(engine, true)) {
            while (batches.hasNext()) {
                try (CloseableIterator<Row> rows = batches.next().getRows()) {
                    while (rows.hasNext()) {
                        Row row = rows.next();
                        if (InternalScanFileUtils.getDeletionVectorDescriptorFromRow(row) != null) {
                            throw new PuffinException(ErrorCode.QUERY_FAILED, "Delta table " + schema + "." + name + " has deletion vectors, which "
                                    + "PuffinDB does not apply yet (purge them first: REORG TABLE ... APPLY (PURGE))");
                        }
                        FileStatus file = InternalScanFileUtils.getAddFileStatus(row);
                        String path = ObjectStores.location(file.getPath());
                        Map<String, String> values = InternalScanFileUtils.getPartitionValues(row);
                        partitionValues.put(path, values);
                        Row add = row.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL);
                        String stats = add.isNullAt(InternalScanFileUtils.ADD_FILE_STATS_ORDINAL) ? null : add.getString(InternalScanFileUtils.ADD_FILE_STATS_ORDINAL);
                        splits.add(split(path, file, stats, values, types, partitionColumns, schema + "." + name));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LakeTable(schema, name, columns, splits, new DeltaScanRenderer(columns, partitionColumns, partitionValues));
    }

    // Statistics from the log's JSON (numRecords, minValues, maxValues, nullCount), and a partition column's single value.
    private static Split split(String path, FileStatus file, String statsJson, Map<String, String> partitionValues, Map<String, DataType> types,
            Set<String> partitionColumns, String table) {
        JsonNode stats = parse(statsJson, table);
        if (stats == null || !stats.has("numRecords")) {
            throw new PuffinException(ErrorCode.QUERY_FAILED, "Delta table " + table + ": file " + path
                    + " has no row count in the log (write statistics, e.g. with delta.dataSkippingNumIndexedCols > 0)");
        }
        long rows = stats.get("numRecords").asLong();
        Map<String, ColumnStats> columnStats = new HashMap<>();
        types.forEach((column, type) -> {
            if (!DeltaTypes.hasComparableText(type)) {
                return;
            }
            if (partitionColumns.contains(column)) {
                String value = partitionValues.get(column);
                columnStats.put(column, new ColumnStats(Optional.ofNullable(value), Optional.ofNullable(value), value == null ? rows : 0));
                return;
            }
            JsonNode nulls = stats.path("nullCount").get(column);
            if (nulls != null && nulls.isNumber()) {
                columnStats.put(column, new ColumnStats(text(stats.path("minValues").get(column)), text(stats.path("maxValues").get(column)), nulls.asLong()));
            }
        });
        return new Split(path, file.getSize(), rows, "delta-" + file.getSize() + "-" + file.getModificationTime(), columnStats);
    }

    private static JsonNode parse(String json, String table) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new PuffinException(ErrorCode.QUERY_FAILED, "Delta table " + table + ": unreadable file statistics: " + e.getMessage(), e);
        }
    }

    private static Optional<String> text(JsonNode value) {
        return value == null || value.isNull() || value.isContainerNode() ? Optional.empty() : Optional.of(value.asText());
    }
}
