package io.puffindb.lake;

import static java.lang.String.format;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a table's files say about themselves — column types, row counts and per-column
 * min/max/null counts from Parquet footers — through a private in-memory DuckDB, so the types are
 * exactly the ones DuckDB will see when it scans the files.
 */
public final class FileMetadataReader implements AutoCloseable {
    private final Connection duckdb;

    public FileMetadataReader() {
        try {
            this.duckdb = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, "Cannot start DuckDB for lake metadata", e);
        }
    }

    /** The columns of the union of the files, in file order, with DuckDB's type names. */
    public synchronized List<LakeColumn> readColumns(FileFormat format, List<String> paths) {
        String sql = format("DESCRIBE SELECT * FROM %s(%s)", format.duckDbReader(), SqlLiterals.stringList(paths));
        List<LakeColumn> columns = new ArrayList<>();
        try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                columns.add(new LakeColumn(rows.getString("column_name"), rows.getString("column_type")));
            }
        } catch (SQLException e) {
            throw new PuffinException(ErrorCode.QUERY_FAILED, format("Cannot read the schema of %s: %s", paths, e.getMessage()), e);
        }
        return columns;
    }

    /** Row count and column statistics of each file, keyed by path. */
    public synchronized Map<String, FileFacts> readFacts(FileFormat format, List<String> paths, List<LakeColumn> columns) {
        try {
            return format == FileFormat.PARQUET ? parquetFacts(paths, columns) : csvFacts(paths);
        } catch (SQLException e) {
            throw new PuffinException(ErrorCode.QUERY_FAILED, format("Cannot read the metadata of %s: %s", paths, e.getMessage()), e);
        }
    }

    private Map<String, FileFacts> parquetFacts(List<String> paths, List<LakeColumn> columns) throws SQLException {
        String files = SqlLiterals.stringList(paths);
        Map<String, Long> rowCounts = new HashMap<>();
        try (Statement statement = duckdb.createStatement();
                ResultSet rows = statement.executeQuery(format("SELECT file_name, num_rows FROM parquet_file_metadata(%s)", files))) {
            while (rows.next()) {
                rowCounts.put(rows.getString(1), rows.getLong(2));
            }
        }
        Map<String, String> typeByColumn = new HashMap<>();
        columns.forEach(column -> typeByColumn.put(column.name(), column.duckDbType()));
        Map<String, Map<String, ColumnStatsBuilder>> stats = new HashMap<>();
        String sql = format("SELECT file_name, path_in_schema, stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata(%s)", files);
        try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String column = rows.getString(2);
                String type = typeByColumn.get(column);
                if (type == null) {
                    continue; // a nested leaf: no top-level statistics to keep
                }
                long nulls = rows.getLong(5);
                stats.computeIfAbsent(rows.getString(1), file -> new HashMap<>())
                        .computeIfAbsent(column, name -> new ColumnStatsBuilder(valueOrder(type)))
                        .add(rows.getString(3), rows.getString(4), rows.wasNull() ? 0 : nulls);
            }
        }
        Map<String, FileFacts> facts = new HashMap<>();
        for (String path : paths) {
            Map<String, ColumnStats> columnStats = new HashMap<>();
            stats.getOrDefault(path, Map.of()).forEach((column, builder) -> columnStats.put(column, builder.build()));
            facts.put(path, new FileFacts(rowCounts.getOrDefault(path, 0L), columnStats));
        }
        return facts;
    }

    private Map<String, FileFacts> csvFacts(List<String> paths) throws SQLException {
        Map<String, FileFacts> facts = new HashMap<>();
        for (String path : paths) {
            try (Statement statement = duckdb.createStatement();
                    ResultSet rows = statement.executeQuery(format("SELECT count(*) FROM read_csv(%s)", SqlLiterals.string(path)))) {
                rows.next();
                facts.put(path, new FileFacts(rows.getLong(1), Map.of()));
            }
        }
        return facts;
    }

    /** Numbers compare as numbers; dates, timestamps and strings in their ISO/text order. */
    private static Comparator<String> valueOrder(String duckDbType) {
        String type = duckDbType.toUpperCase(Locale.ROOT);
        boolean numeric = type.startsWith("DECIMAL") || type.endsWith("INT") || type.equals("INTEGER")
                || type.equals("DOUBLE") || type.equals("FLOAT") || type.equals("REAL");
        return numeric ? Comparator.comparing(BigDecimal::new) : Comparator.naturalOrder();
    }

    @Override
    public synchronized void close() throws SQLException {
        duckdb.close();
    }

    /** What one file says about itself. */
    public record FileFacts(long rowCount, Map<String, ColumnStats> columnStats) {
    }

    /** Folds the statistics of a file's row groups into the file's. */
    private static final class ColumnStatsBuilder {
        private final Comparator<String> order;
        private String min;
        private String max;
        private boolean complete = true;
        private long nullCount;

        ColumnStatsBuilder(Comparator<String> order) {
            this.order = order;
        }

        void add(String rowGroupMin, String rowGroupMax, long rowGroupNulls) {
            nullCount += rowGroupNulls;
            if (rowGroupMin == null || rowGroupMax == null) {
                complete = false; // one row group without bounds leaves the file without bounds
                return;
            }
            min = min == null || order.compare(rowGroupMin, min) < 0 ? rowGroupMin : min;
            max = max == null || order.compare(rowGroupMax, max) > 0 ? rowGroupMax : max;
        }

        ColumnStats build() {
            return complete ? new ColumnStats(Optional.ofNullable(min), Optional.ofNullable(max), nullCount)
                    : new ColumnStats(Optional.empty(), Optional.empty(), nullCount);
        }
    }
}
