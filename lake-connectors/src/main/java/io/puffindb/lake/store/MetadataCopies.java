package io.puffindb.lake.store;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.FileFormat;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.cache.FileCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Local files the metadata reader can open for remote lake files, fetching as little as it can: for
 * Parquet only the footer (one or two ranged reads), written as a file that holds the footer alone —
 * enough for DuckDB's schema and statistics functions, which never touch the data pages.
 */
public final class MetadataCopies {
    // Most footers fit: one request instead of two.
    private static final int FIRST_READ = 64 * 1024;
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private final Path folder;
    private final ObjectStores stores;

    public MetadataCopies(Path folder, ObjectStores stores) {
        this.folder = requireNonNull(folder, "folder is null");
        this.stores = requireNonNull(stores, "stores is null");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
    }

    /** A local path with the file's schema and statistics: the file itself when it is local. */
    public String localPathFor(StoredObject file, FileFormat format) {
        ObjectStore store = stores.forLocation(file.uri());
        if (store.isLocal()) {
            return file.uri();
        }
        Path copy = folder.resolve(FileCache.nameOf(file));
        if (Files.exists(copy)) {
            return copy.toString();
        }
        try {
            Path partial = Files.createTempFile(folder, ".partial-", "");
            if (format == FileFormat.PARQUET) {
                Files.write(partial, footerOnly(store, file));
            } else {
                Files.delete(partial);
                store.download(file, partial);
            }
            Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep metadata of " + file.uri() + " in " + folder, e);
        }
    }

    private static byte[] footerOnly(ObjectStore store, StoredObject file) {
        byte[] tail = store.readTail(file, (int) Math.min(FIRST_READ, file.size()));
        if (tail.length < 8 || !endsWithMagic(tail)) {
            throw new PuffinException(ErrorCode.QUERY_FAILED, "Not a Parquet file: " + file.uri());
        }
        int footerLength = ByteBuffer.wrap(tail, tail.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (footerLength + 8 > tail.length) {
            tail = store.readTail(file, footerLength + 8);
        }
        ByteBuffer copy = ByteBuffer.allocate(MAGIC.length + footerLength + 8);
        copy.put(MAGIC).put(tail, tail.length - footerLength - 8, footerLength + 8);
        return copy.array();
    }

    private static boolean endsWithMagic(byte[] tail) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (tail[tail.length - MAGIC.length + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
