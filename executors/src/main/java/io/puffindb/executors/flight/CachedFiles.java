package io.puffindb.executors.flight;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.lake.cache.FileCache;
import io.puffindb.lake.store.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightProducer.StreamListener;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.Result;

/**
 * The Flight action {@value #ACTION}: one engine copies a lake file out of another engine's SSD
 * cache (reactive promotion, one layer up, without going back to the lake). The file is pinned in
 * the serving cache while it is sent, in chunks.
 */
public final class CachedFiles {
    public static final String ACTION = "cached-file";
    private static final int CHUNK_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CachedFiles() {
    }

    /** Serves the file the action names from {@code cache}, or NOT_FOUND if it is not cached (any more). */
    static void serve(FileCache cache, Action action, StreamListener<Result> listener) throws IOException {
        StoredObject file = JSON.readValue(action.getBody(), StoredObject.class);
        Optional<FileCache.Pinned> cached = cache.pinIfCached(file);
        if (cached.isEmpty()) {
            listener.onError(CallStatus.NOT_FOUND.withDescription("Not cached here: " + file.uri()).toRuntimeException());
            return;
        }
        try (FileCache.Pinned pinned = cached.get(); InputStream in = Files.newInputStream(pinned.path())) {
            byte[] chunk = new byte[CHUNK_BYTES];
            int read;
            while ((read = in.readNBytes(chunk, 0, chunk.length)) > 0) {
                listener.onNext(new Result(Arrays.copyOf(chunk, read)));
            }
        }
        listener.onCompleted();
    }

    /** Copies {@code file} from the cache of the engine behind {@code engine} to {@code target}. */
    public static void fetch(FlightClient engine, StoredObject file, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            Iterator<Result> chunks = engine.doAction(new Action(ACTION, JSON.writeValueAsBytes(file)));
            while (chunks.hasNext()) {
                out.write(chunks.next().getBody());
            }
        } catch (FlightRuntimeException e) {
            throw new IOException("Cannot copy " + file.uri() + " from a peer's cache: " + e.getMessage(), e);
        }
        long copied = Files.size(target);
        if (copied != file.size()) {
            throw new IOException("Copied " + copied + " bytes of " + file.uri() + ", expected " + file.size());
        }
    }
}
