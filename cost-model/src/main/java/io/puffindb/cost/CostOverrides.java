package io.puffindb.cost;

import io.puffindb.calcite.tier.Tier;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Cost settings the operator gave ({@code cost.*}), each replacing the profile's value where present:
 * the MONOSTORE's threads, each LAMBDA worker's threads, how fast one engine reads the lake, rows per
 * second per thread, the bandwidth of the links between the service's engines, a task's start-up,
 * an exchange's latency, and lake files per LAMBDA task.
 */
public record CostOverrides(
        OptionalInt monostoreThreads,
        OptionalInt lambdaThreadsPerWorker,
        OptionalDouble lakeBytesPerSecond,
        OptionalDouble rowsPerSecondPerThread,
        OptionalDouble linkBytesPerSecond,
        OptionalDouble taskStartupSeconds,
        OptionalDouble exchangeLatencySeconds,
        OptionalInt splitsPerTask) {
    public static final CostOverrides NONE = new CostOverrides(OptionalInt.empty(), OptionalInt.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty());

    public CostParameters applyTo(CostParameters base) {
        CostParameters parameters = base.withThreads(monostoreThreads.orElse(base.threads().get(Tier.MONOSTORE)),
                lambdaThreadsPerWorker.orElse(base.lambdaThreadsPerWorker()));
        if (lakeBytesPerSecond.isPresent()) {
            Map<Tier, Double> lake = new EnumMap<>(parameters.lakeBytesPerSecond());
            lake.put(Tier.LAMBDA, lakeBytesPerSecond.getAsDouble());
            lake.put(Tier.MONOSTORE, lakeBytesPerSecond.getAsDouble());
            parameters = parameters.withLakeBytesPerSecond(lake);
        }
        if (linkBytesPerSecond.isPresent()) {
            double bandwidth = linkBytesPerSecond.getAsDouble();
            parameters = parameters.withLink(Tier.LAMBDA, Tier.MONOSTORE, bandwidth)
                    .withLink(Tier.MONOSTORE, Tier.LAMBDA, bandwidth)
                    .withLink(Tier.LAMBDA, Tier.LAMBDA, bandwidth);
        }
        return parameters.withRates(rowsPerSecondPerThread.orElse(parameters.rowsPerSecondPerThread()),
                taskStartupSeconds.orElse(parameters.taskStartupSeconds()),
                exchangeLatencySeconds.orElse(parameters.exchangeLatencySeconds()),
                splitsPerTask.orElse(parameters.splitsPerTask()));
    }
}
