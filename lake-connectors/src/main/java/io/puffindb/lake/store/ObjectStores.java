package io.puffindb.lake.store;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** The object stores of a deployment, each serving its own kind of location. */
public final class ObjectStores implements AutoCloseable {
    private final List<ObjectStore> stores;

    public ObjectStores(List<ObjectStore> stores) {
        this.stores = List.copyOf(requireNonNull(stores, "stores is null"));
    }

    /** The local filesystem and S3 with the given settings. */
    public static ObjectStores of(S3Settings s3) {
        return new ObjectStores(List.of(new LocalObjectStore(), new S3ObjectStore(s3)));
    }

    /** Table formats write local locations as {@code file:/path} or {@code file:///path}; our stores take plain paths. */
    public static String location(String uri) {
        if (uri.startsWith("file:")) {
            return Path.of(URI.create(uri.startsWith("file://") ? uri : "file://" + uri.substring("file:".length()))).toString();
        }
        return uri;
    }

    public ObjectStore forLocation(String uri) {
        return stores.stream().filter(store -> store.serves(uri)).findFirst()
                .orElseThrow(() -> new PuffinException(ErrorCode.BAD_REQUEST, "No object store serves " + uri + " (supported: local paths and s3://bucket/key)"));
    }

    @Override
    public void close() throws Exception {
        for (ObjectStore store : stores) {
            if (store instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
