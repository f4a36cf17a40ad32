package io.puffindb.web.flightsql;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.LakeColumn;
import java.util.List;
import java.util.Optional;

/**
 * A table as metadata lists it: its catalog (a table-format catalog's name; none for the lake's own schemas), schema, name,
 * format (none for a schema's own entry) and columns.
 */
public record ListedTable(Optional<String> catalog, String schema, String name, Optional<TableFormat> format, List<LakeColumn> columns) {
    public ListedTable {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(format, "format is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
    }
}
