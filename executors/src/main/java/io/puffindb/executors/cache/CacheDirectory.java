package io.puffindb.executors.cache;

import io.puffindb.lake.cache.CacheListener;
import io.puffindb.lake.store.StoredObject;
import io.puffindb.registry.CacheLayer;
import io.puffindb.registry.CachedCopy;
import io.puffindb.registry.Registry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Registry's cache directory as the engines use it: each engine's caches tell it what they admit
 * and evict, and planning asks it where files are. A Registry that cannot be reached only makes plans
 * less cache-aware, so its failures are logged, never thrown at a query. A worker process without a
 * shared Registry is {@link #detached()}: nobody else would read what it wrote.
 */
public final class CacheDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(CacheDirectory.class);
    private static final CacheDirectory DETACHED = new CacheDirectory(Optional.empty());

    private final Optional<Registry> registry;

    private CacheDirectory(Optional<Registry> registry) {
        this.registry = registry;
    }

    public static CacheDirectory of(Registry registry) {
        return new CacheDirectory(Optional.of(registry));
    }

    public static CacheDirectory detached() {
        return DETACHED;
    }

    /** A listener that records {@code holder}'s copies in {@code layer}. */
    public CacheListener listenerFor(String holder, CacheLayer layer) {
        if (registry.isEmpty()) {
            return CacheListener.NONE;
        }
        Registry directory = registry.get();
        return new CacheListener() {
            @Override
            public void admitted(StoredObject file) {
                quietly("record", () -> directory.cached(new CachedCopy(file.uri(), file.version(), file.size(), holder, layer)));
            }

            @Override
            public void evicted(StoredObject file) {
                quietly("forget", () -> directory.evicted(holder, layer, file.uri()));
            }

            @Override
            public void closed() {
                quietly("forget all of", () -> directory.forgetHolder(holder));
            }
        };
    }

    /** The known copies of these files (none when the Registry cannot say). */
    public Map<String, List<CachedCopy>> copiesOf(Collection<String> files) {
        if (registry.isEmpty() || files.isEmpty()) {
            return Map.of();
        }
        try {
            return registry.get().copiesOf(files);
        } catch (RuntimeException e) {
            LOG.warn("Cache directory unavailable, planning as if nothing were cached: {}", e.getMessage());
            return Map.of();
        }
    }

    private static void quietly(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("Cannot {} a cached copy in the directory: {}", what, e.getMessage());
        }
    }
}
