package io.puffindb.cost;

import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptCostFactory;

/** Makes {@link PuffinCost}s for the planner. Calcite's generic (rows, cpu, io) maps to seconds by cpu. */
public final class PuffinCostFactory implements RelOptCostFactory {
    public static final PuffinCostFactory INSTANCE = new PuffinCostFactory();

    private PuffinCostFactory() {
    }

    @Override
    public RelOptCost makeCost(double rowCount, double cpu, double io) {
        // Costs of nodes we do not model (logical nodes during planning) count their rows as work.
        return new PuffinCost(rowCount, cpu + rowCount * 1e-6, io);
    }

    @Override
    public RelOptCost makeHugeCost() {
        return PuffinCost.HUGE;
    }

    @Override
    public RelOptCost makeInfiniteCost() {
        return PuffinCost.INFINITY;
    }

    @Override
    public RelOptCost makeTinyCost() {
        return PuffinCost.TINY;
    }

    @Override
    public RelOptCost makeZeroCost() {
        return PuffinCost.ZERO;
    }
}
