package io.puffindb.lake.delta;

import static java.util.Objects.requireNonNull;

import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.puffindb.lake.store.ByteCursor;
import io.puffindb.lake.store.ObjectStore;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.lake.store.StoredObject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Delta Kernel's file access through our object stores, so the transaction log is read from local
 * disk or S3 with the lake's settings and without Hadoop file systems. Read-only: PuffinDB reads
 * tables. Log files are small; a remote one is read whole into memory.
 */
final class ObjectStoreKernelFileIO implements FileIO {
    private final ObjectStores stores;

    ObjectStoreKernelFileIO(ObjectStores stores) {
        this.stores = requireNonNull(stores, "stores is null");
    }

    /** Kernel compares log paths as text, in Hadoop's form: {@code file:/path} for local files. */
    static String kernelPath(ObjectStore store, String location) {
        return store.isLocal() ? "file:" + Path.of(location).toAbsolutePath().normalize() : location;
    }

    /** The files of {@code path}'s folder whose names sort at or after its own, in order (the log's listing). */
    @Override
    public CloseableIterator<FileStatus> listFrom(String path) throws IOException {
        String location = ObjectStores.location(path);
        int slash = location.lastIndexOf('/');
        String folder = location.substring(0, slash);
        String from = location.substring(slash + 1);
        ObjectStore store = stores.forLocation(location);
        if (store.isLocal() && !Files.isDirectory(Path.of(folder))) {
            throw new FileNotFoundException(folder);
        }
        List<FileStatus> files = store.files(folder).stream()
                .filter(file -> file.fileName().compareTo(from) >= 0)
                .sorted(java.util.Comparator.comparing(StoredObject::fileName))
                .map(file -> status(store, file))
                .toList();
        return iterator(files.iterator());
    }

    @Override
    public FileStatus getFileStatus(String path) throws IOException {
        String location = ObjectStores.location(path);
        ObjectStore store = stores.forLocation(location);
        return status(store, store.stat(location).orElseThrow(() -> new FileNotFoundException(location)));
    }

    private FileStatus status(ObjectStore store, StoredObject file) {
        return FileStatus.of(kernelPath(store, file.uri()), file.size(), modificationMillis(store, file));
    }

    // Local versions are "size-mtime"; S3 listings carry no time here (time travel by timestamp then needs in-commit timestamps).
    private static long modificationMillis(ObjectStore store, StoredObject file) {
        if (store.isLocal()) {
            try {
                return Files.getLastModifiedTime(Path.of(file.uri())).toMillis();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return 0;
    }

    @Override
    public String resolvePath(String path) {
        String location = ObjectStores.location(path);
        ObjectStore store = stores.forLocation(location);
        return kernelPath(store, location);
    }

    @Override
    public InputFile newInputFile(String path, long fileSize) {
        String location = ObjectStores.location(path);
        ObjectStore store = stores.forLocation(location);
        return new InputFile() {
            @Override
            public long length() {
                return fileSize;
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public SeekableInputStream newStream() throws IOException {
                StoredObject file = store.stat(location).orElseThrow(() -> new FileNotFoundException(location));
                return new BytesInputStream(store.readTail(file, Math.toIntExact(file.size())));
            }
        };
    }

    @Override
    public Optional<String> getConf(String key) {
        return Optional.empty();
    }

    @Override
    public boolean mkdirs(String path) {
        throw readOnly();
    }

    @Override
    public OutputFile newOutputFile(String path) {
        throw readOnly();
    }

    @Override
    public boolean delete(String path) {
        throw readOnly();
    }

    @Override
    public void copyFileAtomically(String from, String to, boolean overwrite) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("PuffinDB reads Delta tables; it does not write them");
    }

    private static CloseableIterator<FileStatus> iterator(Iterator<FileStatus> files) {
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return files.hasNext();
            }

            @Override
            public FileStatus next() {
                return files.next();
            }

            @Override
            public void close() {
            }
        };
    }

    /** A file's bytes in memory, seekable. */
    private static final class BytesInputStream extends SeekableInputStream {
        private final ByteCursor cursor;

        BytesInputStream(byte[] bytes) {
            this.cursor = new ByteCursor(bytes);
        }

        @Override
        public int read() {
            return cursor.read();
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            return cursor.read(target, offset, length);
        }

        @Override
        public long getPos() {
            return cursor.position();
        }

        @Override
        public void seek(long newPosition) {
            cursor.seek(newPosition);
        }

        @Override
        public void readFully(byte[] target, int offset, int length) throws IOException {
            cursor.readFully(target, offset, length);
        }
    }
}
