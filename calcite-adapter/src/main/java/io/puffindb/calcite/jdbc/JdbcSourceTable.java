package io.puffindb.calcite.jdbc;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.DuckDbTypes;
import io.puffindb.lake.LakeColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A table of a mounted database. Its columns and row estimate are read from the database when the
 * planner first asks, not when the schema is listed. Columns of types PuffinDB cannot
 * carry yet are left out, and said so in the log.
 */
public final class JdbcSourceTable extends AbstractTable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSourceTable.class);
    private static final String POSTGRES_ESTIMATE = "SELECT c.reltuples FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE n.nspname = ? AND c.relname = ?";

    private final JdbcDatabase database;
    private final String schema;
    private final String table;
    private Shape shape;

    JdbcSourceTable(JdbcDatabase database, String schema, String table) {
        this.database = requireNonNull(database, "database is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.table = requireNonNull(table, "table is null");
    }

    public JdbcDatabase database() {
        return database;
    }

    /** The table's name in its database: schema, table. */
    public List<String> remoteName() {
        return List.of(schema, table);
    }

    public List<LakeColumn> columns() {
        return shape().columns();
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder rowType = typeFactory.builder();
        for (LakeColumn column : columns()) {
            rowType.add(column.name(), DuckDbTypes.toRelType(typeFactory, database.name() + "." + table, column));
        }
        return rowType.build();
    }

    @Override
    public Statistic getStatistic() {
        return shape().rows().map(rows -> Statistics.of(rows, List.of())).orElse(Statistics.UNKNOWN);
    }

    private synchronized Shape shape() {
        if (shape == null) {
            shape = database.readMetadata("cannot describe table " + schema + "." + table,
                    connection -> new Shape(readColumns(connection), estimateRows(connection)));
        }
        return shape;
    }

    private List<LakeColumn> readColumns(Connection connection) throws SQLException {
        List<LakeColumn> columns = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getColumns(connection.getCatalog(), schema, table, "%")) {
            while (rows.next()) {
                String name = rows.getString("COLUMN_NAME");
                Optional<String> type = JdbcColumnTypes.duckDbType(rows.getInt("DATA_TYPE"), rows.getInt("COLUMN_SIZE"), rows.getInt("DECIMAL_DIGITS"));
                if (type.isPresent()) {
                    columns.add(new LakeColumn(name, type.get()));
                } else {
                    LOG.info("Column {} of {}.{}.{} has type {}, which PuffinDB cannot read from a database yet; it is left out",
                            name, database.name(), schema, table, rows.getString("TYPE_NAME"));
                }
            }
        }
        return columns;
    }

    // PostgreSQL keeps an estimate that ANALYZE (and autovacuum) refresh; other databases are left to Calcite's guess.
    private Optional<Double> estimateRows(Connection connection) throws SQLException {
        if (!(database.dialect() instanceof PostgresqlSqlDialect)) {
            return Optional.empty();
        }
        try (PreparedStatement statement = connection.prepareStatement(POSTGRES_ESTIMATE)) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                // Negative: never analyzed.
                return rows.next() && rows.getDouble(1) >= 0 ? Optional.of(rows.getDouble(1)) : Optional.empty();
            }
        }
    }

    private record Shape(List<LakeColumn> columns, Optional<Double> rows) {
    }
}
