package io.puffindb.cost;

import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptUtil;

/**
 * A cost in estimated seconds of wall-clock work (CPU, lake reads, transfers), plus the row count
 * for Calcite's bookkeeping. Plans compare on seconds only, unlike Calcite's VolcanoCost which
 * compares on rows.
 */
public final class PuffinCost implements RelOptCost {
    static final PuffinCost INFINITY = new PuffinCost(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    static final PuffinCost HUGE = new PuffinCost(Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE);
    static final PuffinCost ZERO = new PuffinCost(0, 0, 0);
    static final PuffinCost TINY = new PuffinCost(1, 1e-9, 0);

    private final double rows;
    private final double seconds;
    private final double ioBytes;

    PuffinCost(double rows, double seconds, double ioBytes) {
        this.rows = rows;
        this.seconds = seconds;
        this.ioBytes = ioBytes;
    }

    public double seconds() {
        return seconds;
    }

    @Override
    public double getRows() {
        return rows;
    }

    @Override
    public double getCpu() {
        return seconds;
    }

    @Override
    public double getIo() {
        return ioBytes;
    }

    @Override
    public boolean isInfinite() {
        return Double.isInfinite(seconds) || this == HUGE;
    }

    @Override
    public boolean equals(RelOptCost other) {
        return other instanceof PuffinCost that && seconds == that.seconds && rows == that.rows;
    }

    @Override
    public boolean isEqWithEpsilon(RelOptCost other) {
        return other instanceof PuffinCost that && Math.abs(seconds - that.seconds) < RelOptUtil.EPSILON;
    }

    @Override
    public boolean isLe(RelOptCost other) {
        return seconds <= ((PuffinCost) other).seconds;
    }

    @Override
    public boolean isLt(RelOptCost other) {
        return seconds < ((PuffinCost) other).seconds;
    }

    @Override
    public RelOptCost plus(RelOptCost other) {
        PuffinCost that = (PuffinCost) other;
        if (isInfinite() || that.isInfinite()) {
            return INFINITY;
        }
        return new PuffinCost(rows + that.rows, seconds + that.seconds, ioBytes + that.ioBytes);
    }

    @Override
    public RelOptCost minus(RelOptCost other) {
        PuffinCost that = (PuffinCost) other;
        return new PuffinCost(rows - that.rows, seconds - that.seconds, ioBytes - that.ioBytes);
    }

    @Override
    public RelOptCost multiplyBy(double factor) {
        return new PuffinCost(rows * factor, seconds * factor, ioBytes * factor);
    }

    @Override
    public double divideBy(RelOptCost cost) {
        PuffinCost that = (PuffinCost) cost;
        return that.seconds == 0 ? 1 : seconds / that.seconds;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PuffinCost that && equals((RelOptCost) that);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(seconds) * 31 + Double.hashCode(rows);
    }

    @Override
    public String toString() {
        return isInfinite() ? "{inf}" : String.format("{%.6f s, %.0f rows, %.0f bytes read}", seconds, rows, ioBytes);
    }
}
