package io.puffindb.cost;

import io.puffindb.calcite.tier.Tier;
import io.puffindb.lake.LakeTable;

/**
 * Where a query's lake data is cached now, as the cost model needs it: how many bytes of a table's
 * current files a tier could read from its own caches instead of the lake. A planner carries it in
 * its context; without one, nothing is cached.
 */
public interface CachedData {
    CachedData NONE = (table, tier) -> 0;

    /** Bytes of {@code table}'s current files cached where {@code tier} reads them (LAMBDA: some live worker's SSD). */
    long cachedBytes(LakeTable table, Tier tier);
}
