package io.puffindb.cost;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.LakeCalciteTable;
import io.puffindb.calcite.tier.ExchangeKind;
import io.puffindb.calcite.tier.Tier;
import io.puffindb.calcite.tier.TierConvention;
import io.puffindb.calcite.tier.TierExchange;
import io.puffindb.calcite.tier.TierJoin;
import io.puffindb.calcite.tier.TierRel;
import io.puffindb.calcite.tier.TierTableScan;
import io.puffindb.lake.LakeTable;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * The cost of one plan node on its tier, in seconds: lake reads at the tier's bandwidth (or its
 * cache's, for the bytes the cache directory says it holds: the planner's context), rows at
 * the tier's processing rate and parallelism, exchanges at the bandwidth of the link they cross,
 * LAMBDA tasks with their start-up cost. Calcite asks it through the metadata system.
 */
public final class TierCostHandler implements BuiltInMetadata.NonCumulativeCost.Handler {
    private final CostParameters parameters;

    public TierCostHandler(CostParameters parameters) {
        this.parameters = requireNonNull(parameters, "parameters is null");
    }

    @Override
    public RelOptCost getNonCumulativeCost(RelNode rel, RelMetadataQuery mq) {
        PuffinCost cost = ownCost(rel, mq);
        if (rel instanceof TierJoin join && join.tier() == Tier.LAMBDA) {
            return cost.plus(broadcastCopies(join, mq));
        }
        return cost;
    }

    // The broadcast side travels to every task but the first (whose copy the exchange paid for).
    private PuffinCost broadcastCopies(TierJoin join, RelMetadataQuery mq) {
        BroadcastJoin shape = broadcastJoin(join);
        double bytes = rowCount(shape.broadcast(), mq) * averageRowBytes(shape.broadcast(), mq) * (shape.tasks() - 1);
        return new PuffinCost(0, bytes / parameters.linkBytesPerSecond(Tier.MONOSTORE, Tier.LAMBDA), 0);
    }

    private PuffinCost ownCost(RelNode rel, RelMetadataQuery mq) {
        if (!(rel instanceof TierRel tierRel)) {
            RelOptCost own = rel.computeSelfCost(rel.getCluster().getPlanner(), mq);
            return own == null ? PuffinCost.INFINITY : (PuffinCost) own;
        }
        double rows = rowCount(rel, mq);
        if (rel instanceof TierTableScan scan) {
            return scanCost(scan, rows, mq);
        }
        if (rel instanceof TierExchange exchange) {
            return exchangeCost(exchange, mq, rows);
        }
        return new PuffinCost(rows, work(rel, mq, rows) / (parameters.rowsPerSecondPerThread() * parameters.parallelThreads(tierRel.tier())), 0);
    }

    /** How many LAMBDA tasks a scan of this table fans out to. */
    public int lambdaTasks(LakeTable table) {
        return LambdaTasks.tasks(table.splits().size(), parameters);
    }

    private PuffinCost scanCost(TierTableScan scan, double rows, RelMetadataQuery mq) {
        LakeCalciteTable lakeTable = scan.getTable().unwrap(LakeCalciteTable.class);
        if (lakeTable == null) {
            // Rows of another service's THROUGH subquery: a transfer into this tier.
            double bytes = rows * averageRowBytes(scan, mq);
            return new PuffinCost(rows, parameters.exchangeLatencySeconds() + bytes / parameters.linkBytesPerSecond(Tier.LAMBDA, Tier.MONOSTORE), 0);
        }
        LakeTable table = lakeTable.lakeTable();
        Tier tier = scan.tier();
        CachedData cached = scan.getCluster().getPlanner().getContext().maybeUnwrap(CachedData.class).orElse(CachedData.NONE);
        double bytes = table.sizeBytes();
        double cachedBytes = Math.min(bytes, cached.cachedBytes(table, tier));
        double readSeconds = (bytes - cachedBytes) / parameters.lakeBytesPerSecond().get(tier) + cachedBytes / parameters.cacheBytesPerSecond().get(tier);
        double seconds;
        if (tier == Tier.LAMBDA) {
            int tasks = lambdaTasks(table);
            int parallel = Math.min(tasks, parameters.lambdaWorkers());
            int waves = (tasks + parameters.lambdaWorkers() - 1) / parameters.lambdaWorkers();
            seconds = waves * parameters.taskStartupSeconds() + readSeconds / parallel
                    + rows / (parameters.rowsPerSecondPerThread() * parameters.lambdaThreadsPerWorker() * parallel);
        } else {
            seconds = readSeconds + rows / (parameters.rowsPerSecondPerThread() * parameters.parallelThreads(tier));
        }
        return new PuffinCost(rows, seconds, bytes - cachedBytes);
    }

    private PuffinCost exchangeCost(TierExchange exchange, RelMetadataQuery mq, double rows) {
        double bytes = rows * averageRowBytes(exchange.getInput(), mq);
        if (exchange.kind() == ExchangeKind.HASH) {
            // Each consumer task pulls its key range from every producer task, which runs once per consumer.
            RelOptCost producer = mq.getCumulativeCost(exchange.getInput());
            double rerun = producer == null || producer.isInfinite() ? 0 : producer.getCpu() * (parameters.lambdaWorkers() - 1);
            return new PuffinCost(rows, parameters.exchangeLatencySeconds() + rerun
                    + bytes / parameters.linkBytesPerSecond(Tier.LAMBDA, Tier.LAMBDA), 0);
        }
        // One copy here; the copy every further task pulls is charged to the join that consumes it.
        double latency = exchange.tier() == Tier.CLIENT ? parameters.clientRoundTripSeconds() : parameters.exchangeLatencySeconds();
        double seconds = latency + bytes / parameters.linkBytesPerSecond(exchange.from(), exchange.tier());
        return new PuffinCost(rows, seconds, 0);
    }

    // Rows touched: inputs read plus rows produced, weighted by what the operator does with them.
    private double work(RelNode rel, RelMetadataQuery mq, double rows) {
        double inputRows = 0;
        for (RelNode input : rel.getInputs()) {
            inputRows += rowCount(input, mq);
        }
        if (rel instanceof TierJoin join && join.tier() == Tier.LAMBDA) {
            // Every task builds its own copy of the broadcast side.
            BroadcastJoin shape = broadcastJoin(join);
            inputRows += rowCount(shape.broadcast(), mq) * (shape.tasks() - 1);
        }
        double factor = 1;
        if (rel instanceof TierJoin || rel instanceof Window) {
            factor = 3;
        } else if (rel instanceof Aggregate) {
            factor = 2;
        } else if (rel instanceof Sort) {
            factor = Math.max(1, Math.log(Math.max(2, inputRows)) / Math.log(2) / 4);
        }
        return inputRows * factor + rows;
    }

    private BroadcastJoin broadcastJoin(TierJoin join) {
        boolean leftIsBroadcast = join.getLeft().getConvention() == TierConvention.LAMBDA_BROADCAST;
        RelNode probe = leftIsBroadcast ? join.getRight() : join.getLeft();
        return new BroadcastJoin(leftIsBroadcast ? join.getLeft() : join.getRight(), LambdaTasks.estimate(probe, parameters));
    }

    /** A LAMBDA join's broadcast side, and how many tasks each get a copy of it. */
    private record BroadcastJoin(RelNode broadcast, int tasks) {
    }

    /** The rows the metadata expects from {@code rel}, at least one (also what the fleet simulator charges). */
    public static double rowCount(RelNode rel, RelMetadataQuery mq) {
        Double rows = mq.getRowCount(rel);
        return rows == null ? 1 : Math.max(1, rows);
    }

    /** The bytes of one of {@code rel}'s rows, or 8 a column when the metadata cannot tell. */
    public static double averageRowBytes(RelNode rel, RelMetadataQuery mq) {
        Double size = mq.getAverageRowSize(rel);
        return size == null ? 8.0 * rel.getRowType().getFieldCount() : size;
    }
}
