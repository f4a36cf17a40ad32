package io.puffindb.lake.store;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Lake files on a local (or mounted) filesystem; DuckDB reads them where they are. */
public final class LocalObjectStore implements ObjectStore {
    @Override
    public boolean serves(String uri) {
        return !uri.contains("://") || uri.startsWith("file://");
    }

    @Override
    public List<String> childFolders(String folderUri) {
        return children(folderUri, Files::isDirectory).map(Path::toString).toList();
    }

    @Override
    public List<StoredObject> files(String folderUri) {
        return children(folderUri, Files::isRegularFile).map(LocalObjectStore::describe).toList();
    }

    @Override
    public Optional<StoredObject> stat(String uri) {
        Path path = path(uri);
        return Files.isRegularFile(path) ? Optional.of(describe(path)) : Optional.empty();
    }

    @Override
    public byte[] readTail(StoredObject file, int length) {
        try (RandomAccessFile in = new RandomAccessFile(path(file.uri()).toFile(), "r")) {
            int n = (int) Math.min(length, in.length());
            byte[] tail = new byte[n];
            in.seek(in.length() - n);
            in.readFully(tail);
            return tail;
        } catch (IOException e) {
            throw failure("read", file.uri(), e);
        }
    }

    @Override
    public void download(StoredObject file, Path target) {
        try {
            Files.copy(path(file.uri()), target);
        } catch (IOException e) {
            throw failure("copy", file.uri(), e);
        }
    }

    @Override
    public void upload(Path source, String uri) {
        try {
            Path target = path(uri);
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw failure("write", uri, e);
        }
    }

    @Override
    public void delete(String uri) {
        try {
            Files.deleteIfExists(path(uri));
        } catch (IOException e) {
            throw failure("delete", uri, e);
        }
    }

    @Override
    public boolean isLocal() {
        return true;
    }

    private static Stream<Path> children(String folderUri, Predicate<Path> kind) {
        Path folder = path(folderUri);
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(kind).sorted().toList().stream();
        } catch (IOException e) {
            throw failure("list", folderUri, e);
        }
    }

    private static StoredObject describe(Path file) {
        try {
            long size = Files.size(file);
            return new StoredObject(file.toString(), size, size + "-" + Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            throw failure("stat", file.toString(), e);
        }
    }

    private static Path path(String uri) {
        return Path.of(uri.startsWith("file://") ? uri.substring("file://".length()) : uri).toAbsolutePath().normalize();
    }

    private static PuffinException failure(String action, String uri, IOException e) {
        return new PuffinException(ErrorCode.QUERY_FAILED, "Cannot " + action + " " + uri + ": " + e.getMessage(), e);
    }
}
