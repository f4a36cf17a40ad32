package io.puffindb.executors.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.puffindb.calcite.tier.Tier;
import io.puffindb.lake.FileFormat;
import io.puffindb.lake.LakeTable;
import io.puffindb.lake.ScanRenderer;
import io.puffindb.lake.Split;
import io.puffindb.lake.store.StoredObject;
import io.puffindb.registry.CacheLayer;
import io.puffindb.registry.CachedCopy;
import io.puffindb.registry.InMemoryRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a query's view of the cache directory tells the cost model and the scheduler. */
class CacheSnapshotTest {
    private static final Split A = new Split("s3://lake/t/a.parquet", 1000, 10, "\"v1\"", Map.of());
    private static final Split B = new Split("s3://lake/t/b.parquet", 3000, 30, "\"v1\"", Map.of());
    private static final LakeTable TABLE = new LakeTable("lake", "t", List.of(), List.of(A, B), ScanRenderer.files(FileFormat.PARQUET));

    private final InMemoryRegistry registry = new InMemoryRegistry(Clock.systemUTC());
    private final CacheSnapshot snapshot = new CacheSnapshot(CacheDirectory.of(registry), "monostore-1",
            Map.of("worker-1", "grpc+tcp://w1", "worker-2", "grpc+tcp://w2"));

    @Test
    void countsOnlyCurrentVersionsHeldByLiveEnginesOfTheTier() {
        registry.cached(copy(A, "monostore-1", CacheLayer.MONOSTORE_SSD));
        registry.cached(new CachedCopy(B.path(), "\"v0\"", 3000, "monostore-1", CacheLayer.MONOSTORE_SSD)); // an older version of b
        registry.cached(copy(B, "worker-1", CacheLayer.WORKER_SSD));
        registry.cached(copy(A, "worker-gone", CacheLayer.WORKER_SSD)); // a worker no longer alive
        assertEquals(1000, snapshot.cachedBytes(TABLE, Tier.MONOSTORE));
        assertEquals(3000, snapshot.cachedBytes(TABLE, Tier.LAMBDA));
        assertEquals(0, snapshot.cachedBytes(TABLE, Tier.CLIENT));
    }

    @Test
    void aTaskPrefersTheLiveWorkerCachingMostOfItsBytes() {
        registry.cached(copy(A, "worker-1", CacheLayer.WORKER_SSD));
        registry.cached(copy(B, "worker-2", CacheLayer.WORKER_SSD));
        registry.cached(copy(B, "worker-gone", CacheLayer.WORKER_SSD));
        assertEquals(List.of(Optional.of("grpc+tcp://w2"), Optional.of("grpc+tcp://w1"), Optional.empty()),
                snapshot.preferredWorkers(List.of(List.of(A.file(), B.file()), List.of(A.file()), List.of())));
    }

    private static CachedCopy copy(Split split, String holder, CacheLayer layer) {
        StoredObject file = split.file();
        return new CachedCopy(file.uri(), file.version(), file.size(), holder, layer);
    }
}
