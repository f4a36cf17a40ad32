package io.puffindb.executors.fragment;

import io.puffindb.lake.ColumnStats;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.Split;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.DateString;

/**
 * Decides from a file's column statistics whether a predicate may hold for some row of the file.
 * Only what the statistics prove is used: comparisons of a column with a literal (numbers, dates,
 * ASCII strings), IS [NOT] NULL, AND and OR of those. Anything else may match.
 */
final class FileStatistics {
    private final List<LakeColumn> columns;

    FileStatistics(List<LakeColumn> columns) {
        this.columns = columns;
    }

    boolean mayMatch(RexNode predicate, Split split) {
        if (!(predicate instanceof RexCall call)) {
            return true;
        }
        switch (call.getKind()) {
            case AND:
                return call.getOperands().stream().allMatch(operand -> mayMatch(operand, split));
            case OR:
                return call.getOperands().stream().anyMatch(operand -> mayMatch(operand, split));
            case IS_NULL:
                return statsOf(call.getOperands().get(0), split).map(stats -> stats.nullCount() > 0).orElse(true);
            case IS_NOT_NULL:
                return statsOf(call.getOperands().get(0), split).map(stats -> stats.nullCount() < split.rowCount()).orElse(true);
            case EQUALS:
            case LESS_THAN:
            case LESS_THAN_OR_EQUAL:
            case GREATER_THAN:
            case GREATER_THAN_OR_EQUAL:
                return comparisonMayMatch(call, split);
            default:
                return true;
        }
    }

    /** The predicate with column names instead of input numbers, for EXPLAIN. */
    String describe(RexNode predicate) {
        String text = predicate.toString();
        // Highest index first, so that $1 does not eat the front of $12.
        for (int i = columns.size() - 1; i >= 0; i--) {
            text = text.replace("$" + i, columns.get(i).name());
        }
        return text;
    }

    private boolean comparisonMayMatch(RexCall call, Split split) {
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        SqlKind kind = call.getKind();
        if (left instanceof RexLiteral && right instanceof RexInputRef) {
            RexNode swap = left;
            left = right;
            right = swap;
            kind = kind.reverse();
        }
        if (!(left instanceof RexInputRef column) || !(right instanceof RexLiteral literal) || literal.isNull()) {
            return true;
        }
        Optional<ColumnStats> stats = statsOf(column, split);
        if (stats.isEmpty() || stats.get().min().isEmpty() || stats.get().max().isEmpty()) {
            return true;
        }
        String type = columns.get(column.getIndex()).duckDbType().toUpperCase(Locale.ROOT);
        Optional<Integer> vsMin = compare(type, literal, stats.get().min().get());
        Optional<Integer> vsMax = compare(type, literal, stats.get().max().get());
        if (vsMin.isEmpty() || vsMax.isEmpty()) {
            return true;
        }
        int literalVsMin = vsMin.get();
        int literalVsMax = vsMax.get();
        return switch (kind) {
            case EQUALS -> literalVsMin >= 0 && literalVsMax <= 0;
            case LESS_THAN -> literalVsMin > 0;            // column < literal: some value below it
            case LESS_THAN_OR_EQUAL -> literalVsMin >= 0;
            case GREATER_THAN -> literalVsMax < 0;         // column > literal: some value above it
            case GREATER_THAN_OR_EQUAL -> literalVsMax <= 0;
            default -> true;
        };
    }

    private Optional<ColumnStats> statsOf(RexNode operand, Split split) {
        if (!(operand instanceof RexInputRef column) || column.getIndex() >= columns.size()) {
            return Optional.empty();
        }
        return Optional.ofNullable(split.columnStats().get(columns.get(column.getIndex()).name()));
    }

    // literal compared with a statistic in DuckDB's text form; empty when the two cannot be compared exactly.
    private static Optional<Integer> compare(String type, RexLiteral literal, String statistic) {
        try {
            if (type.startsWith("DECIMAL") || type.endsWith("INT") || type.equals("INTEGER") || type.equals("DOUBLE") || type.equals("FLOAT")) {
                BigDecimal value = literal.getValueAs(BigDecimal.class);
                return value == null ? Optional.empty() : Optional.of(value.compareTo(new BigDecimal(statistic)));
            }
            if (type.equals("DATE")) {
                DateString value = literal.getValueAs(DateString.class);
                return value == null ? Optional.empty() : Optional.of(value.toString().compareTo(statistic));
            }
            if (type.equals("VARCHAR")) {
                String value = literal.getValueAs(String.class);
                // Files order strings by bytes; Java's order agrees on ASCII only.
                return value == null || !isAscii(value) || !isAscii(statistic) ? Optional.empty() : Optional.of(value.compareTo(statistic));
            }
        } catch (RuntimeException notComparable) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 128);
    }
}
