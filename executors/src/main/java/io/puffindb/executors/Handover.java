package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.flight.FlightClients;
import io.puffindb.executors.flight.FlightHandoverRunner;
import io.puffindb.executors.flight.HandoverRunner;
import io.puffindb.executors.flight.HandoverReader;
import io.puffindb.executors.flight.SpillBudget;
import io.puffindb.executors.flight.SpillFolder;
import io.puffindb.executors.flight.TaskHandover;
import io.puffindb.executors.flight.TaskStats;
import io.puffindb.executors.flight.TaskStream;
import io.puffindb.executors.fragment.Fragment;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.registry.Registry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, per LAMBDA fragment, whether its tasks stream their rows or hand their outputs over
 * through the Registry and the object store ({@link HandoverSettings}), and opens the handover's
 * reader. A handover needs every worker that may run a task to share this service's Registry.
 */
public final class Handover {
    private static final Logger LOG = LoggerFactory.getLogger(Handover.class);

    private final HandoverSettings settings;
    private final Registry registry;
    private final ObjectStores stores;
    private final Predicate<String> sharesRegistry;
    private final Optional<HandoverRunner> runner;

    /** @param sharesRegistry whether the worker at a Flight location writes to this service's Registry */
    public Handover(HandoverSettings settings, Registry registry, ObjectStores stores, Predicate<String> sharesRegistry) {
        this(settings, registry, stores, sharesRegistry, Optional.empty());
    }

    /**
     * @param runner what runs the handed-over tasks instead of the workers' Flight action (a serverless
     * function, see the lambda module); empty: the workers of the task, in order of preference
     */
    public Handover(HandoverSettings settings, Registry registry, ObjectStores stores, Predicate<String> sharesRegistry,
            Optional<HandoverRunner> runner) {
        this.settings = requireNonNull(settings, "settings is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.stores = requireNonNull(stores, "stores is null");
        this.sharesRegistry = requireNonNull(sharesRegistry, "sharesRegistry is null");
        // What a service killed mid-query spilled is useless once its results' TTL passed.
        SpillFolder.sweepStale(stores, settings.spillFolder(), settings.resultTtl());
    }

    boolean appliesTo(Fragment source, int tasks, List<String> workers) {
        if (tasks == 0 || settings.mode() == HandoverSettings.Mode.STREAM || !workers.stream().allMatch(sharesRegistry)) {
            return false;
        }
        if (settings.mode() == HandoverSettings.Mode.HANDOVER) {
            return true;
        }
        double expected = estimatedBytesPerTask(source.root(), tasks);
        LOG.debug("Fragment {}: about {} bytes per task over {} tasks, handover threshold {}", source.id(), (long) expected, tasks,
                settings.smallResultBytes());
        return expected <= settings.smallResultBytes();
    }

    // What the planner expects one task to produce: the fragment's rows times their width, shared among its tasks.
    private static double estimatedBytesPerTask(RelNode root, int tasks) {
        RelMetadataQuery metadata = root.getCluster().getMetadataQuery();
        Double rows = metadata.getRowCount(root);
        Double rowBytes = metadata.getAverageRowSize(root);
        if (rows == null || rowBytes == null) {
            return Double.POSITIVE_INFINITY;
        }
        return rows * rowBytes / Math.max(1, tasks);
    }

    /** A budget for one query's spills, shared by all its handovers. */
    SpillBudget spillBudget() {
        return new SpillBudget(settings.maxSpillBytesPerQuery());
    }

    HandoverReader reader(BufferAllocator allocator, List<TaskStream> tasks, FlightClients clients, ExecutorService pool, Duration timeout,
            Consumer<TaskStats> statsSink, String stageId, SpillBudget spillBudget) {
        TaskHandover.Stage stage = new TaskHandover.Stage(stageId, settings.smallResultBytes(), settings.spillFolder(), settings.resultTtl().toMillis(),
                spillBudget.maxBytes());
        HandoverRunner runs = runner.orElseGet(() -> new FlightHandoverRunner(clients));
        return new HandoverReader(allocator, tasks, runs, pool, timeout, statsSink, registry, stores, stage, spillBudget);
    }
}
