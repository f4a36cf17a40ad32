package io.puffindb.lake;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One lake made of the folder lake and single-schema lakes mounted beside its schemas (a folder of
 * Delta tables appears as one schema, say). A mounted schema hides a lake folder of the same name.
 */
public final class CombinedLake implements Lake {
    private final Lake main;
    private final Map<String, Lake> mounted;

    public CombinedLake(Lake main, Map<String, Lake> mountedBySchema) {
        this.main = requireNonNull(main, "main is null");
        this.mounted = Map.copyOf(mountedBySchema);
    }

    @Override
    public List<String> schemaNames() {
        List<String> names = new ArrayList<>(main.schemaNames().stream().filter(name -> !mounted.containsKey(name)).toList());
        names.addAll(mounted.keySet().stream().sorted().toList());
        return names;
    }

    @Override
    public List<String> tableNames(String schema) {
        return lakeOf(schema).tableNames(schema);
    }

    @Override
    public Optional<LakeTable> table(String schema, String name) {
        return lakeOf(schema).table(schema, name);
    }

    private Lake lakeOf(String schema) {
        return mounted.getOrDefault(schema, main);
    }
}
