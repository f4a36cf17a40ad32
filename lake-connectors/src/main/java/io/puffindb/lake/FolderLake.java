package io.puffindb.lake;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A lake laid out as folders: {@code root/<schema>/<table>/*.parquet} (or {@code *.csv}). Table
 * metadata is read from the files and kept until a file of the table changes (size or mtime).
 */
public final class FolderLake implements Lake {
    private final Path root;
    private final FileMetadataReader metadataReader;
    private final Map<String, CachedTable> tables = new ConcurrentHashMap<>();

    public FolderLake(Path root, FileMetadataReader metadataReader) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
        this.metadataReader = requireNonNull(metadataReader, "metadataReader is null");
    }

    public Path root() {
        return root;
    }

    @Override
    public List<String> schemaNames() {
        return visibleChildren(root, Files::isDirectory);
    }

    @Override
    public List<String> tableNames(String schema) {
        return visibleChildren(root.resolve(schema), Files::isDirectory);
    }

    /** Empty also when the folder holds no data files. */
    @Override
    public Optional<LakeTable> table(String schema, String name) {
        Path folder = root.resolve(schema).resolve(name);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        List<FileVersion> files = dataFiles(folder);
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

    private LakeTable readTable(String schema, String name, List<FileVersion> files) {
        FileFormat format = files.get(0).format();
        if (files.stream().anyMatch(file -> file.format() != format)) {
            throw new PuffinException(ErrorCode.QUERY_FAILED, format("Table %s.%s mixes file formats; keep one format per table folder", schema, name));
        }
        List<String> paths = files.stream().map(FileVersion::path).toList();
        List<LakeColumn> columns = metadataReader.readColumns(format, paths);
        Map<String, FileMetadataReader.FileFacts> facts = metadataReader.readFacts(format, paths, columns);
        List<Split> splits = new ArrayList<>();
        for (FileVersion file : files) {
            FileMetadataReader.FileFacts fileFacts = facts.get(file.path());
            splits.add(new Split(file.path(), file.size(), fileFacts.rowCount(), file.version(), fileFacts.columnStats()));
        }
        return new LakeTable(schema, name, columns, splits, ScanRenderer.files(format));
    }

    private static List<FileVersion> dataFiles(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            List<FileVersion> files = new ArrayList<>();
            for (Path child : children.sorted().toList()) {
                String fileName = child.getFileName().toString();
                Optional<FileFormat> format = FileFormat.ofFileName(fileName);
                if (isHidden(fileName) || format.isEmpty() || !Files.isRegularFile(child)) {
                    continue;
                }
                long size = Files.size(child);
                long modified = Files.getLastModifiedTime(child).toMillis();
                files.add(new FileVersion(child.toString(), format.get(), size, size + "-" + modified));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> visibleChildren(Path folder, java.util.function.Predicate<Path> kind) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(kind)
                    .map(child -> child.getFileName().toString())
                    .filter(fileName -> !isHidden(fileName))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Dot and underscore files are other tools' bookkeeping (_SUCCESS, .crc, _delta_log).
    private static boolean isHidden(String fileName) {
        return fileName.startsWith(".") || fileName.startsWith("_");
    }

    private record FileVersion(String path, FileFormat format, long size, String version) {
    }

    private record CachedTable(List<FileVersion> files, LakeTable table) {
    }
}
