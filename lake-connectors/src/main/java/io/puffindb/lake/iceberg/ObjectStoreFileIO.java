package io.puffindb.lake.iceberg;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.store.ObjectStore;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.lake.store.StoredObject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.io.SeekableInputStream;

/**
 * Iceberg's file access through our object stores, so a catalog reads metadata from local disk or
 * S3 with the same settings as the rest of the lake (and no Hadoop). Metadata files are small:
 * remote ones are read whole into memory; new ones are written locally, then uploaded on close.
 */
public final class ObjectStoreFileIO implements FileIO {
    private final ObjectStores stores;

    public ObjectStoreFileIO(ObjectStores stores) {
        this.stores = requireNonNull(stores, "stores is null");
    }

    @Override
    public InputFile newInputFile(String path) {
        String location = ObjectStores.location(path);
        ObjectStore store = stores.forLocation(location);
        if (store.isLocal()) {
            return org.apache.iceberg.Files.localInput(new File(location));
        }
        return new RemoteInputFile(path, store, location);
    }

    @Override
    public OutputFile newOutputFile(String path) {
        String location = ObjectStores.location(path);
        ObjectStore store = stores.forLocation(location);
        if (store.isLocal()) {
            try {
                Files.createDirectories(Path.of(location).getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return org.apache.iceberg.Files.localOutput(new File(location));
        }
        return new UploadingOutputFile(path, store, location);
    }

    @Override
    public void deleteFile(String path) {
        String location = ObjectStores.location(path);
        stores.forLocation(location).delete(location);
    }

    private static final class RemoteInputFile implements InputFile {
        private final String path;
        private final ObjectStore store;
        private final String location;
        private StoredObject stat;

        RemoteInputFile(String path, ObjectStore store, String location) {
            this.path = path;
            this.store = store;
            this.location = location;
        }

        private StoredObject stat() {
            if (stat == null) {
                stat = store.stat(location).orElseThrow(() -> new org.apache.iceberg.exceptions.NotFoundException("File does not exist: %s", location));
            }
            return stat;
        }

        @Override
        public long getLength() {
            return stat().size();
        }

        @Override
        public SeekableInputStream newStream() {
            return new ByteArraySeekableStream(store.readTail(stat(), (int) stat().size()));
        }

        @Override
        public String location() {
            return path;
        }

        @Override
        public boolean exists() {
            return store.stat(location).isPresent();
        }
    }

    private static final class UploadingOutputFile implements OutputFile {
        private final String path;
        private final ObjectStore store;
        private final String location;

        UploadingOutputFile(String path, ObjectStore store, String location) {
            this.path = path;
            this.store = store;
            this.location = location;
        }

        @Override
        public PositionOutputStream create() {
            if (store.stat(location).isPresent()) {
                throw new org.apache.iceberg.exceptions.AlreadyExistsException("File already exists: %s", location);
            }
            return createOrOverwrite();
        }

        @Override
        public PositionOutputStream createOrOverwrite() {
            try {
                Path local = Files.createTempFile("puffindb-iceberg-", ".tmp");
                PositionOutputStream out = org.apache.iceberg.Files.localOutput(local.toFile()).createOrOverwrite();
                return new PositionOutputStream() {
                    @Override
                    public long getPos() throws IOException {
                        return out.getPos();
                    }

                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        out.close();
                        try {
                            store.upload(local, location);
                        } finally {
                            Files.deleteIfExists(local);
                        }
                    }
                };
            } catch (IOException e) {
                throw new PuffinException(ErrorCode.QUERY_FAILED, "Cannot write " + location + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String location() {
            return path;
        }

        @Override
        public InputFile toInputFile() {
            return new RemoteInputFile(path, store, location);
        }
    }
}
