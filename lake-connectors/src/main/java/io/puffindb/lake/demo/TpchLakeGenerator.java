package io.puffindb.lake.demo;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.SqlLiterals;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchColumnType;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes the eight TPC-H tables as Parquet folders, one schema folder, with the standard generator
 * (Trino's port of dbgen) and DuckDB's Parquet writer. Large tables get several files, so that
 * scans can fan out per file. Types follow DuckDB's own TPC-H schema (money as DECIMAL(15,2)).
 */
public final class TpchLakeGenerator {
    private static final long ROWS_PER_FILE = 500_000;
    private static final int MIN_FILES_OF_LARGE_TABLE = 4;

    private final double scaleFactor;

    public TpchLakeGenerator(double scaleFactor) {
        if (!(scaleFactor > 0)) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("TPC-H scale factor must be positive, got %s", scaleFactor));
        }
        this.scaleFactor = scaleFactor;
    }

    /**
     * Generates every table into {@code schemaFolder}; returns the rows written per table. The folder is
     * written under a temporary name and renamed at the end, so an interrupted run leaves no half lake.
     */
    public Map<String, Long> generate(Path schemaFolder, GenerationProgress progress) {
        requireNonNull(progress, "progress is null");
        return StagingFolders.writeSchema(schemaFolder, "TPC-H", (duckdb, staging) -> {
            Map<String, Long> rowsPerTable = new LinkedHashMap<>();
            for (TpchTable<?> table : TpchTable.getTables()) {
                rowsPerTable.put(table.getTableName(), writeTable(duckdb, table, staging, progress));
            }
            return rowsPerTable;
        });
    }

    /** The names of the eight tables, in generation order. */
    public static List<String> tableNames() {
        return TpchTable.getTables().stream().map(TpchTable::getTableName).toList();
    }

    /** A table's columns with the DuckDB types this generator writes them as. */
    public static List<LakeColumn> columns(String table) {
        TpchTable<?> found = TpchTable.getTable(table);
        return found.getColumns().stream().map(column -> new LakeColumn(column.getColumnName(), duckDbType(column.getType()))).toList();
    }

    /** About how many rows a table has at this scale factor (lineitem varies a little). */
    public long expectedRows(String table) {
        long base = switch (table) {
            case "region" -> 5;
            case "nation" -> 25;
            default -> 0;
        };
        if (base > 0) {
            return base;
        }
        long perUnit = switch (table) {
            case "supplier" -> 10_000;
            case "customer" -> 150_000;
            case "part" -> 200_000;
            case "partsupp" -> 800_000;
            case "orders" -> 1_500_000;
            case "lineitem" -> 6_001_215;
            default -> throw new IllegalArgumentException("Not a TPC-H table: " + table);
        };
        return Math.max(1, Math.round(perUnit * scaleFactor));
    }

    /** How many files a table is written as: one for small tables, several for large ones. */
    public int fileCount(String table) {
        long rows = expectedRows(table);
        if (rows < 1_000) {
            return 1;
        }
        return (int) Math.max(MIN_FILES_OF_LARGE_TABLE, (rows + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
    }

    private <E extends TpchEntity> long writeTable(DuckDBConnection connection, TpchTable<E> table, Path staging,
            GenerationProgress progress) throws SQLException, IOException {
        String name = table.getTableName();
        Path folder = Files.createDirectories(staging.resolve(name));
        List<TpchColumn<E>> columns = table.getColumns();
        String columnDefinitions = columns.stream()
                .map(column -> SqlLiterals.identifier(column.getColumnName()) + " " + duckDbType(column.getType()))
                .collect(Collectors.joining(", "));
        long expected = expectedRows(name);
        long written = 0;
        int files = fileCount(name);
        for (int part = 1; part <= files; part++) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(format("CREATE OR REPLACE TABLE staging (%s)", columnDefinitions));
            }
            try (DuckDBAppender appender = connection.createAppender("main", "staging")) {
                for (E row : table.createGenerator(scaleFactor, part, files)) {
                    appender.beginRow();
                    for (TpchColumn<E> column : columns) {
                        appendValue(appender, column, row);
                    }
                    appender.endRow();
                    if (++written % 10_000 == 0) {
                        progress.rowsWritten(name, written, Math.max(expected, written));
                    }
                }
            }
            Path file = folder.resolve(format("part-%03d.parquet", part));
            try (Statement statement = connection.createStatement()) {
                statement.execute(format("COPY staging TO %s (FORMAT parquet)", SqlLiterals.string(file.toString())));
            }
        }
        progress.rowsWritten(name, written, written);
        return written;
    }

    private static <E extends TpchEntity> void appendValue(DuckDBAppender appender, TpchColumn<E> column, E row) throws SQLException {
        switch (column.getType().getBase()) {
            case IDENTIFIER -> appender.append(column.getIdentifier(row));
            case INTEGER -> appender.append(column.getInteger(row));
            case DATE -> appender.append(LocalDate.ofEpochDay(column.getDate(row)));
            // The generator computes money in cents and hands it out as double: round back to cents.
            case DOUBLE -> appender.append(BigDecimal.valueOf(column.getDouble(row)).setScale(2, RoundingMode.HALF_UP));
            case VARCHAR -> appender.append(column.getString(row));
        }
    }

    private static String duckDbType(TpchColumnType type) {
        return switch (type.getBase()) {
            case IDENTIFIER -> "BIGINT";
            case INTEGER -> "INTEGER";
            case DATE -> "DATE";
            case DOUBLE -> "DECIMAL(15,2)";
            case VARCHAR -> "VARCHAR";
        };
    }
}
