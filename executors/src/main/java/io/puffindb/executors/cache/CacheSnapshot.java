package io.puffindb.executors.cache;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.tier.Tier;
import io.puffindb.cost.CachedData;
import io.puffindb.lake.LakeTable;
import io.puffindb.lake.Split;
import io.puffindb.lake.store.StoredObject;
import io.puffindb.registry.CacheLayer;
import io.puffindb.registry.CachedCopy;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One query's view of the cache directory: looked up once per table while planning (one Registry
 * round trip each), then used by the cost model (which tier holds a table's data) and by the
 * scheduler (which worker holds a task's files). Only copies of a file's current version held by a
 * live engine count.
 */
public final class CacheSnapshot implements CachedData {
    private static final Set<CacheLayer> MONOSTORE_LAYERS = Set.of(CacheLayer.MONOSTORE_SSD, CacheLayer.MONOSTORE_RAM);

    private final CacheDirectory directory;
    private final String monostore;
    private final Map<String, String> workerLocations;
    private final Map<LakeTable, Map<String, List<CachedCopy>>> byTable = new IdentityHashMap<>();

    /**
     * @param monostore the MONOSTORE engine's holder id
     * @param workerLocations the live workers: holder id to Flight location
     */
    public CacheSnapshot(CacheDirectory directory, String monostore, Map<String, String> workerLocations) {
        this.directory = requireNonNull(directory, "directory is null");
        this.monostore = requireNonNull(monostore, "monostore is null");
        this.workerLocations = Map.copyOf(workerLocations);
    }

    @Override
    public synchronized long cachedBytes(LakeTable table, Tier tier) {
        Map<String, List<CachedCopy>> copies = byTable.computeIfAbsent(table,
                key -> directory.copiesOf(table.splits().stream().map(split -> split.file().uri()).distinct().toList()));
        long bytes = 0;
        for (Split split : table.splits()) {
            StoredObject file = split.file();
            if (copies.getOrDefault(file.uri(), List.of()).stream().anyMatch(copy -> current(copy, file) && heldBy(copy, tier))) {
                bytes += split.sizeBytes();
            }
        }
        return bytes;
    }

    /**
     * For each task's files, the location of the live worker holding the most of their bytes
     * (current versions), if any holds some: one directory lookup for all the tasks.
     */
    public List<Optional<String>> preferredWorkers(List<List<StoredObject>> tasksFiles) {
        Map<String, List<CachedCopy>> copies = directory.copiesOf(tasksFiles.stream().flatMap(List::stream).map(StoredObject::uri).distinct().toList());
        return tasksFiles.stream().map(files -> preferredWorker(files, copies)).toList();
    }

    private Optional<String> preferredWorker(List<StoredObject> files, Map<String, List<CachedCopy>> copies) {
        Map<String, Long> bytesByWorker = new HashMap<>();
        for (StoredObject file : files) {
            for (CachedCopy copy : copies.getOrDefault(file.uri(), List.of())) {
                if (current(copy, file) && heldBy(copy, Tier.LAMBDA)) {
                    bytesByWorker.merge(copy.holder(), file.size(), Long::sum);
                }
            }
        }
        return bytesByWorker.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> workerLocations.get(entry.getKey()));
    }

    private static boolean current(CachedCopy copy, StoredObject file) {
        return copy.version().equals(file.version()) && copy.sizeBytes() == file.size();
    }

    private boolean heldBy(CachedCopy copy, Tier tier) {
        return switch (tier) {
            case LAMBDA -> copy.layer() == CacheLayer.WORKER_SSD && workerLocations.containsKey(copy.holder());
            case MONOSTORE -> MONOSTORE_LAYERS.contains(copy.layer()) && copy.holder().equals(monostore);
            case CLIENT -> false; // the service has no CLIENT engine of its own
        };
    }
}
