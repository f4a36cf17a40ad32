package io.puffindb.web;

import static java.util.Objects.requireNonNull;

/**
 * An Iceberg catalog declared in config ({@code iceberg.<name>.uri}, {@code iceberg.<name>.warehouse}):
 * its namespaces appear in SQL as {@code <name>.<namespace>.<table>}.
 */
public record IcebergCatalogConfig(String name, String uri, String warehouse) {
    public IcebergCatalogConfig {
        requireNonNull(name, "name is null");
        requireNonNull(uri, "uri is null");
        requireNonNull(warehouse, "warehouse is null");
    }
}
