package io.puffindb.bench;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.LakeCalciteTable;
import io.puffindb.calcite.LakeCatalog;
import io.puffindb.calcite.LogicalPlan;
import io.puffindb.calcite.SqlFrontEnd;
import io.puffindb.calcite.tier.ExchangeKind;
import io.puffindb.calcite.tier.Tier;
import io.puffindb.cost.CachedData;
import io.puffindb.cost.CostParameters;
import io.puffindb.cost.CostProfile;
import io.puffindb.cost.LiveWorkers;
import io.puffindb.cost.PuffinCost;
import io.puffindb.cost.TierCostHandler;
import io.puffindb.executors.PhysicalPlanner;
import io.puffindb.executors.fragment.Fragment;
import io.puffindb.executors.fragment.Fragmenter;
import io.puffindb.executors.fragment.SplitPruner;
import io.puffindb.lake.Lake;
import io.puffindb.lake.Split;
import io.puffindb.lake.store.StoredObject;
import io.puffindb.rules.JdbcPushdown;
import io.puffindb.rules.LogicalRewrites;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.CancelFlag;

/**
 * Predicts a query on a fleet of serverless functions without running it: the real planner and cost
 * model place it over a lake's metadata for that many workers, the fragmenter cuts it into stages, and
 * each stage's tasks are timed and billed with a {@link FleetModel} (the MONOSTORE's host billed for the whole query) — invocation, S3 reads (none from a
 * warm cache), processing, handover of each task's output through the Registry or the object store by size.
 * Stages run one after the other along the plan, as the Registry's completion counters trigger them.
 */
final class FleetSimulator {
    private final SqlFrontEnd frontEnd;
    private final FleetModel fleet;

    FleetSimulator(Lake lake, String defaultSchema, FleetModel fleet) {
        this.frontEnd = new SqlFrontEnd(new LakeCatalog(requireNonNull(lake, "lake is null"), defaultSchema), SqlFrontEnd.defaultParserConfig());
        this.fleet = requireNonNull(fleet, "fleet is null");
    }

    /** What one query costs on {@code workers} functions, their caches and instances warm or cold. */
    Prediction predict(String sql, int workers, boolean warm) {
        // The cost model's fleet, with the functions' threads and start-up: placement sees what the simulation charges.
        CostProfile costs = CostProfile.byWorkerCount(count -> CostParameters.defaults(count)
                .withThreads(fleet.monostoreThreads(), fleet.threadsPerFunction())
                .withRates(CostParameters.defaults(count).rowsPerSecondPerThread(), warm ? fleet.warmInvokeSeconds() : fleet.coldStartSeconds(),
                        fleet.registryRoundTripSeconds(), CostParameters.defaults(count).splitsPerTask()));
        // Warm: the functions' /tmp caches hold the lake (stateful functions); the MONOSTORE is not assumed to hold a terabyte.
        CachedData cached = warm ? (table, tier) -> tier == Tier.LAMBDA ? table.sizeBytes() : 0 : CachedData.NONE;
        PhysicalPlanner.Planning planning = new PhysicalPlanner(costs)
                .start(new LiveWorkers(workers, 0), cached, new TpchDistinctValues(), new CancelFlag(new AtomicBoolean()));
        LogicalPlan validated = frontEnd.toLogicalPlan(frontEnd.parse(sql), planning.planner(), planning.metadata().provider(), List.of());
        // The same logical steps as the service's planning: rewrites, database push-down, file pruning, then placement.
        RelNode physical = planning.place(SplitPruner.prune(JdbcPushdown.pushDown(LogicalRewrites.rewrite(validated.root()))));
        RelMetadataQuery mq = physical.getCluster().getMetadataQuery();
        Tally tally = new Tally();
        Stage root = simulate(Fragmenter.fragment(physical), planning.metadata().parameters(), mq, warm, tally);
        PuffinCost modelled = (PuffinCost) mq.getCumulativeCost(physical);
        double dollars = tally.gbSeconds * fleet.dollarsPerGbSecond() + tally.invocations * fleet.dollarsPerInvocation()
                + tally.gets * fleet.dollarsPerS3Get() + tally.puts * fleet.dollarsPerS3Put()
                // The MONOSTORE coordinates the query from start to end, whatever runs on it.
                + root.finishSeconds() * fleet.dollarsPerMonostoreSecond();
        return new Prediction(workers, root.finishSeconds(), dollars, tally.s3Bytes, tally.registryBytes, tally.objectStoreBytes,
                tally.invocations, modelled.seconds());
    }

    /** A query's predicted figures on one fleet size; {@code modelSeconds} is the planner's own cost of the plan. */
    record Prediction(int workers, double latencySeconds, double dollars, double s3Bytes, double registryBytes, double objectStoreBytes,
            long invocations, double modelSeconds) {
    }

    /** When a stage's last task has handed its output over, and how each consumer task reads one task's share of it. */
    private record Stage(double finishSeconds, double bytesPerTask, int tasks, boolean viaRegistry) {
        double readSeconds(FleetModel fleet, double bytes) {
            return viaRegistry ? tasks * fleet.registryRoundTripSeconds() + bytes / fleet.registryBytesPerSecond()
                    : fleet.s3RequestSeconds() + bytes / fleet.s3BytesPerSecondPerFunction();
        }
    }

    /** What a query moves and pays for, summed over its stages. */
    private static final class Tally {
        double s3Bytes;
        double registryBytes;
        double objectStoreBytes;
        double gbSeconds;
        long invocations;
        long gets;
        long puts;
    }

    private Stage simulate(Fragment fragment, CostParameters parameters, RelMetadataQuery mq, boolean warm, Tally tally) {
        double inputsDone = 0;
        double inputSeconds = 0;
        double inputRows = 0;
        int tasks = fragment.tier() != Tier.LAMBDA ? 1 : fragment.fanOutScan().isPresent()
                ? fragment.taskShares(parameters::splitsPerTask).size() : parameters.lambdaWorkers();
        for (Fragment.Input input : fragment.inputs()) {
            Stage source = simulate(input.source(), parameters, mq, warm, tally);
            inputsDone = Math.max(inputsDone, source.finishSeconds());
            double rows = TierCostHandler.rowCount(input.exchange(), mq);
            double bytes = rows * TierCostHandler.averageRowBytes(input.exchange().getInput(), mq);
            // A hash exchange deals its rows out among the tasks; any other input reaches every task whole.
            boolean dealt = input.exchange().kind() == ExchangeKind.HASH;
            inputRows += dealt ? rows / tasks : rows;
            inputSeconds += source.readSeconds(fleet, dealt ? bytes / tasks : bytes);
            fetched(tally, source, tasks);
        }
        double outBytesPerTask = TierCostHandler.rowCount(fragment.root(), mq) * TierCostHandler.averageRowBytes(fragment.root(), mq) / tasks;
        boolean viaRegistry = outBytesPerTask <= fleet.registryResultLimitBytes();
        if (fragment.tier() != Tier.LAMBDA) {
            double lakeBytes = fragment.lakeTables().stream().mapToDouble(table -> table.lakeTable().sizeBytes()).sum();
            double lakeRows = fragment.lakeTables().stream().mapToDouble(table -> table.lakeTable().rowCount()).sum();
            double readSeconds = lakeBytes / parameters.lakeBytesPerSecond().get(Tier.MONOSTORE);
            tally.s3Bytes += lakeBytes;
            tally.gets += fragment.lakeTables().stream().mapToLong(table -> table.lakeTable().splits().size()).sum();
            double cpu = (lakeRows + inputRows) / (fleet.rowsPerSecondPerThread() * fleet.monostoreThreads());
            return new Stage(inputsDone + inputSeconds + readSeconds + cpu, outBytesPerTask, 1, viaRegistry);
        }
        List<List<Split>> shares = fragment.fanOutScan().isPresent() ? fragment.taskShares(parameters::splitsPerTask) : List.of();
        double slowestTask = 0;
        for (int task = 0; task < tasks; task++) {
            List<Split> share = shares.isEmpty() ? List.of() : shares.get(task);
            List<StoredObject> files = fragment.remoteFiles(share);
            double fileBytes = files.stream().mapToDouble(StoredObject::size).sum();
            double readSeconds = warm ? fileBytes / fleet.cacheBytesPerSecond()
                    : (files.isEmpty() ? 0 : fleet.s3RequestSeconds()) + fileBytes / fleet.s3BytesPerSecondPerFunction();
            if (!warm) {
                tally.s3Bytes += fileBytes;
                tally.gets += files.size();
            }
            double rows = share.stream().mapToDouble(Split::rowCount).sum() + otherScanRows(fragment) + inputRows;
            double cpu = rows / (fleet.rowsPerSecondPerThread() * fleet.threadsPerFunction());
            double handOver = viaRegistry ? fleet.registryRoundTripSeconds() + outBytesPerTask / fleet.registryBytesPerSecond()
                    : fleet.s3RequestSeconds() + outBytesPerTask / fleet.s3BytesPerSecondPerFunction();
            double work = fleet.warmInvokeSeconds() + inputSeconds + readSeconds + cpu + handOver;
            slowestTask = Math.max(slowestTask, work);
            tally.gbSeconds += work * fleet.functionMemoryGb();
        }
        handedOver(tally, viaRegistry, outBytesPerTask * tasks, tasks);
        tally.invocations += tasks;
        int waves = (tasks + parameters.lambdaWorkers() - 1) / parameters.lambdaWorkers();
        double coldStart = 0;
        if (!warm) {
            // Each instance starts once, at its first task: the first wave waits for it, and it is billed.
            coldStart = fleet.coldStartSeconds();
            tally.gbSeconds += Math.min(tasks, parameters.lambdaWorkers()) * coldStart * fleet.functionMemoryGb();
        }
        return new Stage(inputsDone + coldStart + waves * slowestTask, outBytesPerTask, tasks, viaRegistry);
    }

    // The fan-out scan is read share by share; any other scan in a LAMBDA fragment (a broadcast side read in place) is read whole by every task.
    private static double otherScanRows(Fragment fragment) {
        return fragment.lakeTables().stream()
                .filter(table -> fragment.fanOutScan().map(scan -> !scan.getTable().unwrap(LakeCalciteTable.class).qualifiedName().equals(table.qualifiedName()))
                        .orElse(true))
                .mapToDouble(table -> table.lakeTable().rowCount()).sum();
    }

    private static void handedOver(Tally tally, boolean viaRegistry, double bytes, int tasks) {
        if (viaRegistry) {
            tally.registryBytes += bytes;
        } else {
            tally.objectStoreBytes += bytes;
            tally.puts += tasks;
        }
    }

    private static void fetched(Tally tally, Stage source, int consumers) {
        if (!source.viaRegistry()) {
            tally.gets += (long) source.tasks() * consumers;
        }
    }
}
