package io.puffindb.calcite.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * One schema of a mounted database, or the database itself (then its default schema's tables, and its
 * other schemas as sub-schemas). Listed afresh on each lookup, as the lake's folders are.
 */
public final class JdbcDatabaseSchema extends AbstractSchema {
    private static final String[] TABLE_TYPES = {"TABLE", "VIEW", "MATERIALIZED VIEW", "FOREIGN TABLE", "PARTITIONED TABLE"};

    private final JdbcDatabase database;
    // Empty: the connection's default schema, with the others below it.
    private final Optional<String> schema;

    private JdbcDatabaseSchema(JdbcDatabase database, Optional<String> schema) {
        this.database = requireNonNull(database, "database is null");
        this.schema = requireNonNull(schema, "schema is null");
    }

    /** The database as a whole, mounted under its name. */
    public static JdbcDatabaseSchema of(JdbcDatabase database) {
        return new JdbcDatabaseSchema(database, Optional.empty());
    }

    /** One named schema of the database, without listing the others to find it. */
    public static JdbcDatabaseSchema of(JdbcDatabase database, String schema) {
        return new JdbcDatabaseSchema(database, Optional.of(schema));
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return database.readMetadata("cannot list its tables", connection -> {
            Map<String, Table> tables = new LinkedHashMap<>();
            String listed = schema.isPresent() ? schema.get() : connection.getSchema();
            try (ResultSet rows = connection.getMetaData().getTables(connection.getCatalog(), listed, "%", TABLE_TYPES)) {
                while (rows.next()) {
                    String table = rows.getString("TABLE_NAME");
                    tables.put(table, new JdbcSourceTable(database, rows.getString("TABLE_SCHEM"), table));
                }
            }
            return tables;
        });
    }

    @Override
    protected Map<String, Schema> getSubSchemaMap() {
        if (schema.isPresent()) {
            return Map.of();
        }
        return database.readMetadata("cannot list its schemas", connection -> {
            Map<String, Schema> schemas = new LinkedHashMap<>();
            try (ResultSet rows = connection.getMetaData().getSchemas()) {
                while (rows.next()) {
                    String name = rows.getString("TABLE_SCHEM");
                    if (!isSystemSchema(name)) {
                        schemas.put(name, new JdbcDatabaseSchema(database, Optional.of(name)));
                    }
                }
            }
            return schemas;
        });
    }

    /**
     * The database's schemas other than its default one (whose tables SQL names {@code <database>.<table>}),
     * sorted: those SQL names {@code <database>.<schema>.<table>}.
     */
    public List<String> otherSchemaNames() {
        String defaultSchema = database.readMetadata("cannot name its default schema", Connection::getSchema);
        return getSubSchemaMap().keySet().stream().filter(name -> !name.equals(defaultSchema)).sorted().toList();
    }

    // The database's own catalogs: not user data, and PostgreSQL's alone hold hundreds of tables.
    private static boolean isSystemSchema(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("information_schema") || lower.startsWith("pg_");
    }

    @Override
    public boolean isMutable() {
        return false;
    }
}
