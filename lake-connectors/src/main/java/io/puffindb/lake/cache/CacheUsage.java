package io.puffindb.lake.cache;

/**
 * Where the files one task (or query) staged came from: already in the engine's cache (of which
 * {@code ramFiles} were in its RAM layer), or fetched from the lake now.
 */
public record CacheUsage(int cachedFiles, long cachedBytes, int fetchedFiles, long fetchedBytes, int ramFiles, long ramBytes) {
    public static final CacheUsage NONE = new CacheUsage(0, 0, 0, 0, 0, 0);

    public CacheUsage plus(CacheUsage other) {
        return new CacheUsage(cachedFiles + other.cachedFiles, cachedBytes + other.cachedBytes, fetchedFiles + other.fetchedFiles,
                fetchedBytes + other.fetchedBytes, ramFiles + other.ramFiles, ramBytes + other.ramBytes);
    }
}
