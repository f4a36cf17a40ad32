package io.puffindb.lake.cache;

/**
 * What a cache holds and how it has been used since it started ({@code promotedIn}: files copied in
 * from a lower cache layer after queries, rather than fetched for one; {@code ram*}: its RAM layer,
 * whose files are also counted in {@code files} and {@code bytes}).
 */
public record CacheStats(int files, long bytes, long budgetBytes, long hits, long misses, long bytesFetched, long evictions, long promotedIn,
        int ramFiles, long ramBytes, long ramBudgetBytes) {
    /** The same, with a RAM layer kept apart from the cache (in-memory tables copying {@code files}). */
    public CacheStats withRam(int files, long bytes, long budget) {
        return new CacheStats(this.files, this.bytes, budgetBytes, hits, misses, bytesFetched, evictions, promotedIn, files, bytes, budget);
    }
}
