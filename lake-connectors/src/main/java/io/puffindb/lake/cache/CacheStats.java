package io.puffindb.lake.cache;

/**
 * What a cache holds and how it has been used since it started ({@code promotedIn}: files copied in
 * from a lower cache layer after queries, rather than fetched for one).
 */
public record CacheStats(int files, long bytes, long budgetBytes, long hits, long misses, long bytesFetched, long evictions, long promotedIn) {
}
