package io.puffindb.lake.hudi;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.joining;

import io.puffindb.lake.ColumnStats;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.FileFormat;
import io.puffindb.lake.FooterMetadata;
import io.puffindb.lake.Lake;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.LakeTable;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.ScanRenderer;
import io.puffindb.lake.SqlLiterals;
import io.puffindb.lake.Split;
import io.puffindb.lake.TableFolders;
import io.puffindb.lake.store.ObjectStore;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.lake.store.StoredObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Apache Hudi copy-on-write tables under one folder ({@code root/<table>/.hoodie}), local or on S3,
 * as one schema. A table is the latest file slice of each file group: of the base files named
 * {@code <fileId>_<writeToken>_<instant>.parquet}, per file id the one of the newest completed
 * instant (files of inflight or failed writes are ignored), less the file groups a completed
 * replacecommit retired. {@code "t@<instant>"} reads the table as of an older instant. Hudi's
 * {@code _hoodie_*} bookkeeping columns are not shown. Merge-on-read tables are refused.
 */
public final class HudiLake implements Lake {
    private static final String AT = "@";
    private static final String META_PREFIX = "_hoodie_";
    private static final String PROPERTIES = "/.hoodie/hoodie.properties";

    private final TableFolders folders;
    private final ObjectStore store;
    private final FooterMetadata footers;

    /** {@code root} is a local folder or {@code s3://bucket/prefix} holding one folder per table. */
    public HudiLake(String schemaName, String root, ObjectStores stores, FooterMetadata footers) {
        this.folders = new TableFolders(schemaName, root, stores);
        this.store = folders.store();
        this.footers = requireNonNull(footers, "footers is null");
    }

    @Override
    public List<String> schemaNames() {
        return folders.schemaNames();
    }

    @Override
    public List<String> tableNames(String schema) {
        return folders.tableNames(schema, folder -> store.stat(folder + PROPERTIES).isPresent());
    }

    @Override
    public Optional<LakeTable> table(String schema, String name) {
        if (!folders.isSchema(schema)) {
            return Optional.empty();
        }
        int at = name.indexOf(AT);
        String location = folders.location(at < 0 ? name : name.substring(0, at));
        Optional<StoredObject> propertiesFile = store.stat(location + PROPERTIES);
        if (propertiesFile.isEmpty()) {
            return Optional.empty();
        }
        String qualified = schema + "." + name;
        Properties properties = properties(propertiesFile.get(), qualified);
        String type = properties.getProperty("hoodie.table.type", "COPY_ON_WRITE");
        if (!type.equals("COPY_ON_WRITE")) {
            throw new PuffinException(ErrorCode.QUERY_FAILED, "Hudi table " + qualified + " is " + type + ": PuffinDB reads copy-on-write tables only");
        }
        HudiTimeline timeline = HudiTimeline.read(store, location, qualified);
        if (timeline.isEmpty()) {
            throw new PuffinException(ErrorCode.QUERY_FAILED, "Hudi table " + qualified + " has no completed commit yet");
        }
        String asOf = at < 0 ? timeline.latest() : name.substring(at + 1);
        if (at >= 0 && !timeline.isCompleted(asOf)) {
            throw new PuffinException(ErrorCode.TABLE_NOT_FOUND, "Table " + qualified + ": no completed instant " + asOf);
        }
        List<StoredObject> files = latestSlices(location, timeline, asOf);
        if (files.isEmpty()) {
            throw new PuffinException(ErrorCode.QUERY_FAILED, "Hudi table " + qualified + " has no base file as of " + asOf);
        }
        FooterMetadata.Read read = footers.read(FileFormat.PARQUET, files);
        List<LakeColumn> columns = read.columns().stream().filter(column -> !column.name().startsWith(META_PREFIX)).toList();
        List<Split> splits = read.splits().stream().map(split -> new Split(split.path(), split.sizeBytes(), split.rowCount(), split.version(),
                withoutMeta(split.columnStats()))).toList();
        return Optional.of(new LakeTable(schema, name, columns, splits, renderer(columns)));
    }

    private Properties properties(StoredObject file, String table) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(store.readTail(file, Math.toIntExact(file.size())), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new PuffinException(ErrorCode.QUERY_FAILED, "Hudi table " + table + ": unreadable hoodie.properties: " + e.getMessage(), e);
        }
        return properties;
    }

    // Per file id, the base file of the newest completed instant at or before asOf.
    private List<StoredObject> latestSlices(String table, HudiTimeline timeline, String asOf) {
        Set<String> replaced = timeline.replacedAsOf(asOf);
        Map<String, StoredObject> latest = new HashMap<>();
        Map<String, String> latestInstant = new HashMap<>();
        for (StoredObject file : baseFiles(table)) {
            String baseName = file.fileName().substring(0, file.fileName().length() - ".parquet".length());
            String[] parts = baseName.split("_");
            if (parts.length < 3) {
                continue;
            }
            String fileId = parts[0];
            String instant = parts[parts.length - 1];
            if (!timeline.isCompleted(instant) || instant.compareTo(asOf) > 0 || replaced.contains(fileId)) {
                continue;
            }
            if (instant.compareTo(latestInstant.getOrDefault(fileId, "")) > 0) {
                latest.put(fileId, file);
                latestInstant.put(fileId, instant);
            }
        }
        return latest.values().stream().sorted(Comparator.comparing(StoredObject::uri)).toList();
    }

    // Parquet files in the table's partition folders, at any depth, outside .hoodie.
    private List<StoredObject> baseFiles(String folder) {
        List<StoredObject> files = new ArrayList<>(store.files(folder).stream().filter(file -> file.fileName().endsWith(".parquet")).toList());
        for (String child : store.childFolders(folder)) {
            if (!child.substring(child.lastIndexOf('/') + 1).startsWith(".")) {
                files.addAll(baseFiles(child));
            }
        }
        return files;
    }

    private static Map<String, ColumnStats> withoutMeta(Map<String, ColumnStats> stats) {
        Map<String, ColumnStats> kept = new HashMap<>(stats);
        kept.keySet().removeIf(column -> column.startsWith(META_PREFIX));
        return kept;
    }

    private static ScanRenderer renderer(List<LakeColumn> columns) {
        String select = columns.stream().map(column -> SqlLiterals.identifier(column.name())).collect(joining(", "));
        ScanRenderer files = ScanRenderer.files(FileFormat.PARQUET);
        return (splits, localPath) -> "(SELECT " + select + " FROM " + files.relation(splits, localPath) + ")";
    }
}
