package io.puffindb.lake.demo;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.SqlLiterals;
import io.trino.tpcds.Results;
import io.trino.tpcds.Session;
import io.trino.tpcds.Table;
import io.trino.tpcds.column.Column;
import io.trino.tpcds.column.ColumnType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes the 24 TPC-DS tables as Parquet folders, one schema folder, with Trino's port of dsdgen and
 * DuckDB's Parquet writer. Types follow DuckDB's own TPC-DS schema (keys and counts INTEGER, money
 * DECIMAL(7,2), CHAR(n) as VARCHAR, which DuckDB has no padded form of). Tables of many rows get
 * several files, so that scans can fan out per file.
 */
public final class TpcdsLakeGenerator {
    private static final long ROWS_PER_FILE = 100_000;
    private static final int FILES_OF_LARGE_TABLE = 4;

    private final double scaleFactor;

    public TpcdsLakeGenerator(double scaleFactor) {
        if (!(scaleFactor > 0)) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("TPC-DS scale factor must be positive, got %s", scaleFactor));
        }
        this.scaleFactor = scaleFactor;
    }

    /** The 24 tables' names, in generation order. */
    public static List<String> tableNames() {
        return tables().stream().map(Table::getName).toList();
    }

    private static List<Table> tables() {
        return Table.getBaseTables().stream().filter(table -> table != Table.DBGEN_VERSION).toList();
    }

    /**
     * Generates every table into {@code schemaFolder}; returns the rows written per table. Written under
     * a temporary name and renamed at the end, so an interrupted run leaves no half lake.
     */
    public Map<String, Long> generate(Path schemaFolder, GenerationProgress progress) {
        requireNonNull(progress, "progress is null");
        Session session = Session.getDefaultSession().withScale(scaleFactor);
        return StagingFolders.writeSchema(schemaFolder, "TPC-DS", (duckdb, staging) -> {
            Map<String, Long> rowsPerTable = new LinkedHashMap<>();
            for (Table table : tables()) {
                rowsPerTable.put(table.getName(), writeTable(duckdb, table, session.withTable(table), staging, progress));
            }
            return rowsPerTable;
        });
    }

    private static long writeTable(DuckDBConnection connection, Table table, Session session, Path staging, GenerationProgress progress)
            throws SQLException, IOException {
        String name = table.getName();
        Column[] columns = table.getColumns();
        String columnDefinitions = Arrays.stream(columns)
                .map(column -> SqlLiterals.identifier(column.getName()) + " " + duckDbType(column.getType()))
                .collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            statement.execute(format("CREATE OR REPLACE TABLE staging (%s)", columnDefinitions));
        }
        long written = 0;
        try (DuckDBAppender appender = connection.createAppender("main", "staging")) {
            // Each result is the table's row first, then rows of a child table generated with it.
            for (List<List<String>> rows : Results.constructResults(table, session)) {
                List<String> row = rows.get(0);
                appender.beginRow();
                for (int i = 0; i < columns.length; i++) {
                    appendValue(appender, columns[i].getType(), row.get(i));
                }
                appender.endRow();
                if (++written % 10_000 == 0) {
                    progress.rowsWritten(name, written, written);
                }
            }
        }
        Path folder = Files.createDirectories(staging.resolve(name));
        int files = written < ROWS_PER_FILE ? 1 : FILES_OF_LARGE_TABLE;
        for (int part = 0; part < files; part++) {
            Path file = folder.resolve(format("part-%03d.parquet", part + 1));
            try (Statement statement = connection.createStatement()) {
                statement.execute(format("COPY (SELECT * FROM staging WHERE rowid %% %d = %d) TO %s (FORMAT parquet)", files, part,
                        SqlLiterals.string(file.toString())));
            }
        }
        progress.rowsWritten(name, written, written);
        return written;
    }

    private static void appendValue(DuckDBAppender appender, ColumnType type, String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (type.getBase()) {
            case IDENTIFIER, INTEGER -> appender.append(Integer.parseInt(value));
            case DATE -> appender.append(LocalDate.parse(value));
            case DECIMAL -> appender.append(new BigDecimal(value).setScale(type.getScale().orElseThrow()));
            case VARCHAR, CHAR, TIME -> appender.append(value);
        }
    }

    private static String duckDbType(ColumnType type) {
        return switch (type.getBase()) {
            case IDENTIFIER, INTEGER -> "INTEGER";
            case DATE -> "DATE";
            case DECIMAL -> format("DECIMAL(%d,%d)", type.getPrecision().orElseThrow(), type.getScale().orElseThrow());
            case VARCHAR, CHAR -> "VARCHAR";
            case TIME -> "TIME";
        };
    }
}
