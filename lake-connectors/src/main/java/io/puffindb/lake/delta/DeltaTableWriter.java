package io.puffindb.lake.delta;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.LakeTable;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.SqlLiterals;
import io.puffindb.lake.store.LocalObjectStore;
import io.puffindb.lake.store.ObjectStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes Delta tables on local disk from DuckDB queries, following the Delta protocol (reader 1,
 * writer 2): DuckDB writes the Parquet files (partition columns only in the folder names, as the
 * protocol says), their statistics come from the files themselves, and each call commits one
 * version: {@code _delta_log/<version>.json} with add (or remove) actions, created exclusively so
 * two writers cannot both commit a version. For the demo and for tests; PuffinDB itself only reads.
 */
public final class DeltaTableWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");
    private static final ObjectStores LOCAL = new ObjectStores(List.of(new LocalObjectStore()));

    private final Connection duckdb;

    public DeltaTableWriter(Connection duckdb) {
        this.duckdb = requireNonNull(duckdb, "duckdb is null");
    }

    /**
     * Appends the rows of {@code sql} as a new version, in {@code filesPerPartition} files per
     * partition; the first call creates the table, a query with new columns evolves its schema.
     * Returns the version committed.
     */
    public long append(Path table, String sql, List<String> partitionColumns, int filesPerPartition) {
        try {
            List<LakeColumn> columns = describe(sql);
            long version = nextVersion(table);
            List<String> actions = new ArrayList<>();
            if (version == 0) {
                actions.add("{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}");
            }
            if (!columns.equals(currentColumns(table))) {
                actions.add(metadata(columns, partitionColumns));
            }
            for (List<String> partition : partitionValues(sql, partitionColumns)) {
                for (int part = 0; part < filesPerPartition; part++) {
                    actions.add(writeFile(table, sql, columns, partitionColumns, partition, version, part, filesPerPartition));
                }
            }
            commit(table, version, actions, "WRITE");
            return version;
        } catch (SQLException | IOException e) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, "Writing Delta table " + table + " failed: " + e.getMessage(), e);
        }
    }

    /** Removes the data files whose path (relative to the table) contains {@code pathPart}, as a new version. */
    public long removeFiles(Path table, String pathPart) {
        try {
            long version = nextVersion(table);
            List<String> actions = new ArrayList<>();
            try (var files = Files.walk(table)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".parquet") && !f.startsWith(table.resolve("_delta_log"))).sorted().toList()) {
                    String relative = table.relativize(file).toString();
                    if (relative.contains(pathPart)) {
                        ObjectNode remove = JSON.createObjectNode();
                        remove.putObject("remove").put("path", relative).put("deletionTimestamp", System.currentTimeMillis()).put("dataChange", true);
                        actions.add(JSON.writeValueAsString(remove));
                    }
                }
            }
            commit(table, version, actions, "DELETE");
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<LakeColumn> describe(String sql) throws SQLException {
        List<LakeColumn> columns = new ArrayList<>();
        try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery("DESCRIBE " + sql)) {
            while (rows.next()) {
                columns.add(new LakeColumn(rows.getString("column_name"), rows.getString("column_type")));
            }
        }
        return columns;
    }

    private static long nextVersion(Path table) throws IOException {
        Path log = table.resolve("_delta_log");
        if (!Files.isDirectory(log)) {
            return 0;
        }
        // One past the newest commit or checkpoint (older commits may be gone once a checkpoint covers them).
        try (var files = Files.list(log)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.matches("\\d{20}\\..*"))
                    .mapToLong(name -> Long.parseLong(name.substring(0, 20)) + 1).max().orElse(0);
        }
    }

    // The schema of the table's latest version, as PuffinDB reads it (none before the first commit).
    private static List<LakeColumn> currentColumns(Path table) {
        DeltaLake lake = new DeltaLake("written", table.getParent().toString(), LOCAL);
        return lake.table("written", table.getFileName().toString()).map(LakeTable::columns).orElse(List.of());
    }

    private static String metadata(List<LakeColumn> columns, List<String> partitionColumns) throws IOException {
        ObjectNode schema = JSON.createObjectNode().put("type", "struct");
        ArrayNode fields = schema.putArray("fields");
        for (LakeColumn column : columns) {
            fields.addObject().put("name", column.name()).put("type", deltaType(column.duckDbType())).put("nullable", true).putObject("metadata");
        }
        ObjectNode action = JSON.createObjectNode();
        ObjectNode metadata = action.putObject("metaData");
        metadata.put("id", UUID.randomUUID().toString());
        metadata.putObject("format").put("provider", "parquet").putObject("options");
        metadata.put("schemaString", JSON.writeValueAsString(schema));
        ArrayNode partitions = metadata.putArray("partitionColumns");
        partitionColumns.forEach(partitions::add);
        metadata.putObject("configuration");
        metadata.put("createdTime", System.currentTimeMillis());
        return JSON.writeValueAsString(action);
    }

    static String deltaType(String duckDbType) {
        Matcher decimal = DECIMAL.matcher(duckDbType);
        if (decimal.matches()) {
            return "decimal(" + decimal.group(1) + "," + decimal.group(2) + ")";
        }
        return switch (duckDbType) {
            case "BOOLEAN" -> "boolean";
            case "TINYINT" -> "byte";
            case "SMALLINT" -> "short";
            case "INTEGER" -> "integer";
            case "BIGINT" -> "long";
            case "FLOAT" -> "float";
            case "DOUBLE" -> "double";
            case "VARCHAR" -> "string";
            case "BLOB" -> "binary";
            case "DATE" -> "date";
            case "TIMESTAMP" -> "timestamp_ntz";
            case "TIMESTAMP WITH TIME ZONE" -> "timestamp";
            default -> throw new PuffinException(ErrorCode.UNSUPPORTED_TYPE, "No Delta type for DuckDB type " + duckDbType);
        };
    }

    // The distinct partition value tuples of the query's rows (one empty tuple when unpartitioned); values as text, NULL as null.
    private List<List<String>> partitionValues(String sql, List<String> partitionColumns) throws SQLException {
        if (partitionColumns.isEmpty()) {
            return List.of(List.of());
        }
        String keys = String.join(", ", partitionColumns.stream().map(column -> "CAST(" + SqlLiterals.identifier(column) + " AS VARCHAR)").toList());
        List<List<String>> values = new ArrayList<>();
        try (Statement statement = duckdb.createStatement();
                ResultSet rows = statement.executeQuery("SELECT DISTINCT " + keys + " FROM (" + sql + ") AS t ORDER BY ALL")) {
            while (rows.next()) {
                List<String> tuple = new ArrayList<>();
                for (int i = 1; i <= partitionColumns.size(); i++) {
                    tuple.add(rows.getString(i));
                }
                values.add(tuple);
            }
        }
        return values;
    }

    private String writeFile(Path table, String sql, List<LakeColumn> columns, List<String> partitionColumns, List<String> partition, long version,
            int part, int parts) throws SQLException, IOException {
        StringBuilder folder = new StringBuilder();
        List<String> filters = new ArrayList<>();
        ObjectNode values = JSON.createObjectNode();
        for (int i = 0; i < partitionColumns.size(); i++) {
            String column = partitionColumns.get(i);
            String value = partition.get(i);
            folder.append(column).append('=').append(value == null ? "__HIVE_DEFAULT_PARTITION__" : value).append('/');
            filters.add(value == null ? SqlLiterals.identifier(column) + " IS NULL"
                    : "CAST(" + SqlLiterals.identifier(column) + " AS VARCHAR) = " + SqlLiterals.string(value));
            values.put(column, value);
        }
        String relative = folder + format("part-%05d-%05d-%s.parquet", version, part, UUID.randomUUID());
        Path file = table.resolve(relative);
        Files.createDirectories(file.getParent());
        List<String> dataColumns = columns.stream().map(LakeColumn::name).filter(name -> !partitionColumns.contains(name)).map(SqlLiterals::identifier).toList();
        filters.add("row_slice % " + parts + " = " + part);
        String rows = "SELECT " + String.join(", ", dataColumns) + " FROM (SELECT *, row_number() OVER () AS row_slice FROM (" + sql + ") AS q) AS t WHERE "
                + String.join(" AND ", filters);
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (" + rows + ") TO " + SqlLiterals.string(file.toString()) + " (FORMAT parquet)");
        }
        ObjectNode action = JSON.createObjectNode();
        ObjectNode add = action.putObject("add");
        add.put("path", relative);
        add.set("partitionValues", values);
        add.put("size", Files.size(file));
        add.put("modificationTime", Files.getLastModifiedTime(file).toMillis());
        add.put("dataChange", true);
        add.put("stats", stats(file, columns.stream().filter(column -> !partitionColumns.contains(column.name())).toList()));
        return JSON.writeValueAsString(action);
    }

    // numRecords, and min, max and null count of the columns whose values JSON carries exactly (numbers, dates, text).
    private String stats(Path file, List<LakeColumn> columns) throws SQLException, IOException {
        List<LakeColumn> measured = columns.stream().filter(column -> comparable(column.duckDbType())).toList();
        StringBuilder sql = new StringBuilder("SELECT count(*)");
        for (LakeColumn column : measured) {
            String name = SqlLiterals.identifier(column.name());
            sql.append(format(", min(%s), max(%s), count(*) - count(%s)", name, name, name));
        }
        sql.append(" FROM read_parquet(").append(SqlLiterals.string(file.toString())).append(')');
        ObjectNode stats = JSON.createObjectNode();
        try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(sql.toString())) {
            rows.next();
            stats.put("numRecords", rows.getLong(1));
            ObjectNode min = stats.putObject("minValues");
            ObjectNode max = stats.putObject("maxValues");
            ObjectNode nulls = stats.putObject("nullCount");
            for (int i = 0; i < measured.size(); i++) {
                String name = measured.get(i).name();
                putValue(min, name, rows.getObject(2 + 3 * i), measured.get(i).duckDbType());
                putValue(max, name, rows.getObject(3 + 3 * i), measured.get(i).duckDbType());
                nulls.put(name, rows.getLong(4 + 3 * i));
            }
        }
        return JSON.writeValueAsString(stats);
    }

    private static boolean comparable(String duckDbType) {
        return duckDbType.matches("TINYINT|SMALLINT|INTEGER|BIGINT|DATE|VARCHAR") || DECIMAL.matcher(duckDbType).matches();
    }

    private static void putValue(ObjectNode target, String name, Object value, String duckDbType) {
        if (value == null) {
            return;
        }
        if (duckDbType.equals("VARCHAR") || duckDbType.equals("DATE")) {
            target.put(name, value.toString());
        } else {
            target.put(name, new java.math.BigDecimal(value.toString()));
        }
    }

    private static void commit(Path table, long version, List<String> actions, String operation) throws IOException {
        List<String> lines = new ArrayList<>(actions);
        lines.add(format("{\"commitInfo\":{\"timestamp\":%d,\"operation\":\"%s\"}}", System.currentTimeMillis(), operation));
        Path log = Files.createDirectories(table.resolve("_delta_log"));
        Files.writeString(log.resolve(format("%020d.json", version)), String.join("\n", lines) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
}
