package io.puffindb.lake.cache;

/** What a cache holds and how it has been used since it started. */
public record CacheStats(int files, long bytes, long budgetBytes, long hits, long misses, long bytesFetched, long evictions) {
}
