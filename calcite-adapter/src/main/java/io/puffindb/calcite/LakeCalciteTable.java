package io.puffindb.calcite;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ColumnStats;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.Lake;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.LakeTable;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.Split;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A lake table as Calcite sees it: its row type from the files' exact types, its row count from
 * their footers, and distinct counts of integer columns from their min/max (key columns of a lake
 * are dense ranges, which is what makes join estimates usable). The metadata is read when a query
 * first touches the table, once: the catalog makes a table object per query, so every question the
 * planner asks (hundreds per query) and the run that follows see one version of the table's files.
 */
public final class LakeCalciteTable extends AbstractTable implements BuiltInMetadata.DistinctRowCount.Handler {
    private final Lake lake;
    private final String schema;
    private final String name;
    private final Optional<SplitPruning> pruning;
    // Shared with the pruned and unpruned copies of this table object: one version of the table per query.
    private final AtomicReference<LakeTable> resolved;
    private volatile KeyedTable lastKey;

    public LakeCalciteTable(Lake lake, String schema, String name) {
        this(lake, schema, name, Optional.empty(), new AtomicReference<>());
    }

    private LakeCalciteTable(Lake lake, String schema, String name, Optional<SplitPruning> pruning, AtomicReference<LakeTable> resolved) {
        this.lake = requireNonNull(lake, "lake is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.name = requireNonNull(name, "name is null");
        this.pruning = requireNonNull(pruning, "pruning is null");
        this.resolved = requireNonNull(resolved, "resolved is null");
    }

    /** The same table read only through the files a filter's predicates may match. */
    public LakeCalciteTable pruned(SplitPruning kept) {
        return new LakeCalciteTable(lake, schema, name, Optional.of(kept), resolved);
    }

    /** The table's name as queries write it, {@code schema.table}, found without reading its metadata. */
    public String qualifiedName() {
        return schema + "." + name;
    }

    /** The same table with every file, whatever pruning left of it. */
    public LakeCalciteTable unpruned() {
        return pruning.isEmpty() ? this : new LakeCalciteTable(lake, schema, name, Optional.empty(), resolved);
    }

    /** Which files pruning left for this scan, and why, when a filter pruned it. */
    public Optional<SplitPruning> pruning() {
        return pruning;
    }

    /** The table's current metadata: files (those left by pruning), statistics and columns. */
    public LakeTable lakeTable() {
        LakeTable table = wholeTable();
        return pruning.map(kept -> new LakeTable(table.schema(), table.name(), table.columns(), kept.splits(), table.scanRenderer())).orElse(table);
    }

    private LakeTable wholeTable() {
        LakeTable known = resolved.get();
        if (known != null) {
            return known;
        }
        LakeTable table = lake.table(schema, name)
                .orElseThrow(() -> new PuffinException(ErrorCode.TABLE_NOT_FOUND, "Table '" + schema + "." + name + "' not found (its folder holds no data files)"));
        return resolved.compareAndSet(null, table) ? table : resolved.get();
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        LakeTable table = lakeTable();
        RelDataTypeFactory.Builder rowType = typeFactory.builder();
        for (LakeColumn column : table.columns()) {
            rowType.add(column.name(), DuckDbTypes.toRelType(typeFactory, table.qualifiedName(), column));
        }
        return rowType.build();
    }

    @Override
    public Statistic getStatistic() {
        return Statistics.of(lakeTable().rowCount(), List.of());
    }

    /**
     * Names this table's data for learned statistics: its name and a digest of every file's location
     * and version (before pruning), so statistics learned from older data are never applied to newer.
     */
    public String statisticsKey() {
        LakeTable table = wholeTable();
        // Planning asks for distinct counts again and again; the digest changes only with the table's data.
        KeyedTable known = lastKey;
        if (known != null && known.table() == table) {
            return known.key();
        }
        String key = digest(table);
        lastKey = new KeyedTable(table, key);
        return key;
    }

    private record KeyedTable(LakeTable table, String key) {
    }

    private static String digest(LakeTable table) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            table.splits().stream().map(split -> split.path() + "\n" + split.version() + "\n").sorted()
                    .forEach(line -> digest.update(line.getBytes(StandardCharsets.UTF_8)));
            return table.qualifiedName() + "@" + HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public @Nullable Double getDistinctRowCount(RelNode scan, RelMetadataQuery mq, ImmutableBitSet columns, @Nullable RexNode predicate) {
        LakeTable table = lakeTable();
        double rows = table.rowCount();
        OptionalDouble distinct = learned(scan, table, columns);
        if (distinct.isEmpty()) {
            distinct = integerRanges(table, columns);
        }
        if (distinct.isEmpty()) {
            return null;
        }
        double selectivity = predicate == null ? 1 : mq.getSelectivity(scan, predicate);
        return Math.max(1, Math.min(rows, distinct.getAsDouble()) * selectivity);
    }

    // What an earlier query saw of these columns in this very data.
    private OptionalDouble learned(RelNode scan, LakeTable table, ImmutableBitSet columns) {
        Optional<LearnedStatistics> statistics = scan.getCluster().getPlanner().getContext().maybeUnwrap(LearnedStatistics.class);
        if (statistics.isEmpty() || columns.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<String> names = columns.asList().stream().map(column -> table.columns().get(column).name()).toList();
        OptionalLong seen = statistics.get().distinctValues(statisticsKey(), names);
        return seen.isPresent() ? OptionalDouble.of(seen.getAsLong()) : OptionalDouble.empty();
    }

    // The product of the columns' integer ranges, when each column has one.
    private static OptionalDouble integerRanges(LakeTable table, ImmutableBitSet columns) {
        double distinct = 1;
        for (int column : columns) {
            OptionalDouble range = integerRange(table, table.columns().get(column).name());
            if (range.isEmpty()) {
                return OptionalDouble.empty();
            }
            distinct *= range.getAsDouble();
        }
        return OptionalDouble.of(distinct);
    }

    // max - min + 1 over all files, when every file states both bounds of an integer column.
    private static OptionalDouble integerRange(LakeTable table, String column) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Split split : table.splits()) {
            ColumnStats stats = split.columnStats().get(column);
            if (stats == null || stats.min().isEmpty() || stats.max().isEmpty()) {
                return OptionalDouble.empty();
            }
            try {
                min = Math.min(min, Long.parseLong(stats.min().get()));
                max = Math.max(max, Long.parseLong(stats.max().get()));
            } catch (NumberFormatException notAnInteger) {
                return OptionalDouble.empty();
            }
        }
        return min > max ? OptionalDouble.empty() : OptionalDouble.of((double) max - min + 1);
    }
}
