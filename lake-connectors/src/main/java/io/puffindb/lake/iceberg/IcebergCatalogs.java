package io.puffindb.lake.iceberg;

import io.puffindb.lake.store.ObjectStores;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.jdbc.JdbcClientPool;

/**
 * Opens Iceberg's JDBC catalog: on PostgreSQL for a catalog shared by services
 * ({@code jdbc:postgresql://...}), or in a SQLite file ({@code jdbc:sqlite:/path/catalog.db}) for the
 * embedded default with no server. Table files live under {@code warehouse} (a folder or S3 prefix).
 */
public final class IcebergCatalogs {
    private IcebergCatalogs() {
    }

    public static JdbcCatalog jdbc(String name, String uri, String warehouse, ObjectStores stores) {
        JdbcCatalog catalog = new JdbcCatalog(properties -> new ObjectStoreFileIO(stores), properties -> new JdbcClientPool(uri, properties), true);
        catalog.initialize(name, Map.of(
                CatalogProperties.URI, uri,
                CatalogProperties.WAREHOUSE_LOCATION, warehouse,
                // The v1 schema has no view support; fine for tables, and readable by every Iceberg client.
                "jdbc.schema-version", "V1"));
        return catalog;
    }
}
