package io.puffindb.registry;

import static java.util.Objects.requireNonNull;

/**
 * One copy of a lake file in a cache, as the cache directory knows it: which engine holds it
 * ({@code holder}: a worker id, or the MONOSTORE's), in which layer, and which version of the file
 * (a copy of an older version does not serve a query of the newer one).
 */
public record CachedCopy(String file, String version, long sizeBytes, String holder, CacheLayer layer) {
    public CachedCopy {
        requireNonNull(file, "file is null");
        requireNonNull(version, "version is null");
        requireNonNull(holder, "holder is null");
        requireNonNull(layer, "layer is null");
    }
}
