package io.puffindb.executors.cache;

import io.puffindb.calcite.tier.Tier;
import io.puffindb.cost.CachedData;
import io.puffindb.lake.LakeTable;
import io.puffindb.lake.Split;
import io.puffindb.lake.store.StoredObject;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lake files a client's own cache holds (location, version and size): what it can scan itself.
 * Planning for that client sees them as the CLIENT tier's cached data, and the engines' caches as
 * usual for the other tiers.
 */
public final class ClientCopies {
    private final Set<String> held;

    private ClientCopies(Set<String> held) {
        this.held = held;
    }

    public static ClientCopies of(Collection<StoredObject> files) {
        return new ClientCopies(files.stream().map(ClientCopies::key).collect(Collectors.toUnmodifiableSet()));
    }

    /** True when the client holds this very version of the file. */
    public boolean holds(StoredObject file) {
        return held.contains(key(file));
    }

    /** The cost model's view: the client's bytes for CLIENT, {@code engines} for every other tier. */
    public CachedData over(CachedData engines) {
        return (table, tier) -> tier == Tier.CLIENT ? heldBytes(table) : engines.cachedBytes(table, tier);
    }

    private long heldBytes(LakeTable table) {
        return table.splits().stream().filter(split -> split.file().needsFetching() && holds(split.file())).mapToLong(Split::sizeBytes).sum();
    }

    private static String key(StoredObject file) {
        return file.uri() + "\n" + file.version() + "\n" + file.size();
    }
}
