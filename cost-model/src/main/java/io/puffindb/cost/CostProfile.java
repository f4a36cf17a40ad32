package io.puffindb.cost;

import java.util.function.IntFunction;

/** Which cost parameters describe the deployment at the moment a query is planned, given the workers alive then. */
@FunctionalInterface
public interface CostProfile {
    CostParameters parametersFor(LiveWorkers workers);

    /** The same parameters for any deployment with as many workers (at least one: the parameters need a fleet size). */
    static CostProfile byWorkerCount(IntFunction<CostParameters> parameters) {
        return workers -> parameters.apply(Math.max(1, workers.total()));
    }
}
