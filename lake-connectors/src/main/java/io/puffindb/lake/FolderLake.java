package io.puffindb.lake;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.puffindb.lake.store.MetadataCopies;
import io.puffindb.lake.store.ObjectStore;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.lake.store.StoredObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A lake laid out as folders: {@code root/<schema>/<table>/*.parquet} (or {@code *.csv}), on local disk
 * or S3. Table metadata is read from the files (only Parquet footers for remote files) and kept until
 * a file of the table changes (its version: size and mtime, or ETag).
 */
public final class FolderLake implements Lake {
    private final String root;
    private final ObjectStore store;
    private final FooterMetadata footers;
    private final Map<String, CachedTable> tables = new ConcurrentHashMap<>();

    /** {@code root} is a local folder or {@code s3://bucket/prefix}. */
    public FolderLake(String root, ObjectStores stores, MetadataCopies metadataCopies, FileMetadataReader metadataReader) {
        this.store = requireNonNull(stores, "stores is null").forLocation(requireNonNull(root, "root is null"));
        this.root = store.isLocal() ? Path.of(root).toAbsolutePath().normalize().toString() : stripTrailingSlash(root);
        this.footers = new FooterMetadata(metadataCopies, metadataReader);
    }

    public String root() {
        return root;
    }

    @Override
    public List<String> schemaNames() {
        return visibleNames(store.childFolders(root));
    }

    @Override
    public List<String> tableNames(String schema) {
        return visibleNames(store.childFolders(root + "/" + schema));
    }

    /** Empty also when the folder holds no data files. */
    @Override
    public Optional<LakeTable> table(String schema, String name) {
        List<StoredObject> files = store.files(root + "/" + schema + "/" + name).stream()
                .filter(file -> !isHidden(file.fileName()) && FileFormat.ofFileName(file.fileName()).isPresent())
                .toList();
        if (files.isEmpty()) {
            return Optional.empty();
        }
        String key = schema + "/" + name;
        CachedTable cached = tables.get(key);
        if (cached != null && cached.files().equals(files)) {
            return Optional.of(cached.table());
        }
        LakeTable table = readTable(schema, name, files);
        tables.put(key, new CachedTable(files, table));
        return Optional.of(table);
    }

    private LakeTable readTable(String schema, String name, List<StoredObject> files) {
        FileFormat format = FileFormat.ofFileName(files.get(0).fileName()).orElseThrow();
        if (files.stream().anyMatch(file -> FileFormat.ofFileName(file.fileName()).orElseThrow() != format)) {
            throw new PuffinException(ErrorCode.QUERY_FAILED, format("Table %s.%s mixes file formats; keep one format per table folder", schema, name));
        }
        FooterMetadata.Read read = footers.read(format, files);
        return new LakeTable(schema, name, read.columns(), read.splits(), ScanRenderer.files(format));
    }

    private static List<String> visibleNames(List<String> folders) {
        return folders.stream()
                .map(folder -> folder.substring(folder.lastIndexOf('/') + 1))
                .filter(folderName -> !isHidden(folderName))
                .sorted()
                .toList();
    }

    private static String stripTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    // Dot and underscore files are other tools' bookkeeping (_SUCCESS, .crc, _delta_log).
    private static boolean isHidden(String fileName) {
        return fileName.startsWith(".") || fileName.startsWith("_");
    }

    private record CachedTable(List<StoredObject> files, LakeTable table) {
    }
}
