package io.puffindb.lake;

import java.util.List;
import java.util.Optional;

/**
 * A source of tables: a folder lake, an Iceberg catalog, a Delta or Hudi location. Each of its
 * schemas appears as a schema in SQL.
 */
public interface Lake {
    List<String> schemaNames();

    List<String> tableNames(String schema);

    /** The table's current metadata, or empty when there is no such table. */
    Optional<LakeTable> table(String schema, String name);
}
