package io.puffindb.lake;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.store.ObjectStore;
import io.puffindb.lake.store.ObjectStores;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * A folder of tables of one table format ({@code root/<table>/...}), local or on S3, shown as one
 * schema: where Delta and Hudi lakes find their tables.
 */
public final class TableFolders {
    private final String schemaName;
    private final String root;
    private final ObjectStore store;

    /** {@code root} is a local folder or {@code s3://bucket/prefix}. */
    public TableFolders(String schemaName, String root, ObjectStores stores) {
        this.schemaName = requireNonNull(schemaName, "schemaName is null");
        this.store = requireNonNull(stores, "stores is null").forLocation(requireNonNull(root, "root is null"));
        this.root = store.isLocal() ? Path.of(root).toAbsolutePath().normalize().toString() : root.replaceAll("/+$", "");
    }

    public ObjectStore store() {
        return store;
    }

    public List<String> schemaNames() {
        return List.of(schemaName);
    }

    public boolean isSchema(String schema) {
        return schemaName.equals(schema);
    }

    /** The names of the child folders that {@code isTable} accepts (given the folder's location), sorted. */
    public List<String> tableNames(String schema, Predicate<String> isTable) {
        if (!isSchema(schema)) {
            return List.of();
        }
        return store.childFolders(root).stream()
                .filter(isTable)
                .map(folder -> folder.substring(folder.lastIndexOf('/') + 1))
                .sorted()
                .toList();
    }

    /** Where table {@code name} lives. */
    public String location(String name) {
        return root + "/" + name;
    }
}
