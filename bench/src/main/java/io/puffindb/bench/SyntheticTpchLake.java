package io.puffindb.bench;

import io.puffindb.lake.ColumnStats;
import io.puffindb.lake.FileFormat;
import io.puffindb.lake.Lake;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.LakeTable;
import io.puffindb.lake.ScanRenderer;
import io.puffindb.lake.Split;
import io.puffindb.lake.demo.TpchLakeGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TPC-H at any scale factor as metadata only: the tables, files and statistics that the lake generator
 * would write (its row counts and file counts), with sizes from the bytes per row its Parquet files take
 * here, on S3 paths that no one reads. The planner sees what it would see over the real lake.
 */
final class SyntheticTpchLake implements Lake {
    static final String SCHEMA = "tpch";

    // Parquet bytes per row of the generator's files, measured on this machine's SF 1 bench lake
    // (du -sb of each table folder divided by its rows); nation and region are one small file each.
    private static final Map<String, Double> BYTES_PER_ROW = Map.of(
            "lineitem", 34.4, "orders", 37.6, "partsupp", 53.5, "part", 31.8,
            "customer", 82.7, "supplier", 80.8, "nation", 263.6, "region", 1037.6);

    private final double scaleFactor;
    private final TpchLakeGenerator generator;

    public SyntheticTpchLake(double scaleFactor) {
        this.generator = new TpchLakeGenerator(scaleFactor);
        this.scaleFactor = scaleFactor;
    }

    /** {@code 1TB}, {@code 100GB}, {@code 10MB}: TPC-H's convention, scale factor 1 per GB of generated data. */
    public static double scaleFactorOf(String data) {
        String text = data.trim().toUpperCase(java.util.Locale.ROOT);
        Map<String, Double> units = Map.of("TB", 1000.0, "GB", 1.0, "MB", 0.001);
        for (Map.Entry<String, Double> unit : units.entrySet()) {
            if (text.endsWith(unit.getKey())) {
                double amount = Double.parseDouble(text.substring(0, text.length() - unit.getKey().length()).trim());
                if (amount > 0) {
                    return amount * unit.getValue();
                }
            }
        }
        throw new IllegalArgumentException("--data must be a positive size like 1TB, 100GB or 10MB, got '" + data + "'");
    }

    public double scaleFactor() {
        return scaleFactor;
    }

    @Override
    public List<String> schemaNames() {
        return List.of(SCHEMA);
    }

    @Override
    public List<String> tableNames(String schema) {
        return SCHEMA.equals(schema) ? TpchLakeGenerator.tableNames() : List.of();
    }

    @Override
    public Optional<LakeTable> table(String schema, String name) {
        if (!tableNames(schema).contains(name)) {
            return Optional.empty();
        }
        List<LakeColumn> columns = TpchLakeGenerator.columns(name);
        return Optional.of(new LakeTable(schema, name, columns, splits(name, columns), ScanRenderer.files(FileFormat.PARQUET)));
    }

    private List<Split> splits(String table, List<LakeColumn> columns) {
        long rows = generator.expectedRows(table);
        int files = generator.fileCount(table);
        // The generator writes each table in key order, part after part: each file holds a slice of its first column.
        String key = columns.get(0).name();
        List<Split> splits = new ArrayList<>();
        for (int part = 0; part < files; part++) {
            long fileRows = rows * (part + 1) / files - rows * part / files;
            Map<String, ColumnStats> stats = new HashMap<>();
            for (LakeColumn column : columns) {
                if (keyMax(column.name()) > 0) {
                    stats.put(column.name(), range(keyMin(column.name()), keyMax(column.name())));
                }
            }
            long keys = keyMax(key) - keyMin(key) + 1;
            stats.put(key, range(keyMin(key) + keys * part / files, keyMin(key) + keys * (part + 1) / files - 1));
            long size = Math.max(1, Math.round(fileRows * BYTES_PER_ROW.get(table)));
            splits.add(new Split("s3://synthetic-tpch/sf" + scaleFactor + "/" + table + "/part-" + part + ".parquet", size, fileRows, "synthetic", stats));
        }
        return splits;
    }

    // The largest value of a key column: TPC-H's published cardinalities (order keys are sparse: 4 of every 32 used).
    private static long keyMin(String column) {
        return column.endsWith("nationkey") || column.endsWith("regionkey") ? 0 : 1;
    }

    private long keyMax(String column) {
        if (column.endsWith("orderkey")) {
            return Math.round(6_000_000 * scaleFactor);
        }
        if (column.endsWith("custkey")) {
            return Math.round(150_000 * scaleFactor);
        }
        if (column.endsWith("partkey")) {
            return Math.round(200_000 * scaleFactor);
        }
        if (column.endsWith("suppkey")) {
            return Math.round(10_000 * scaleFactor);
        }
        if (column.endsWith("nationkey")) {
            return 24;
        }
        if (column.endsWith("regionkey")) {
            return 4;
        }
        return 0;
    }

    private static ColumnStats range(long min, long max) {
        return new ColumnStats(Optional.of(String.valueOf(min)), Optional.of(String.valueOf(max)), 0);
    }
}
