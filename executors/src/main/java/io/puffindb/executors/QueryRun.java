package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.jdbc.JdbcQueryTable;
import io.puffindb.calcite.through.RemoteThroughTable;
import io.puffindb.calcite.tier.ExchangeKind;
import io.puffindb.calcite.tier.TierExchange;
import io.puffindb.calcite.tier.Tier;
import io.puffindb.executors.cache.MemoryTables;
import io.puffindb.executors.cache.Promoter;
import io.puffindb.executors.flight.ArrowStreams;
import io.puffindb.executors.flight.FlightClients;
import io.puffindb.executors.flight.GatherReader;
import io.puffindb.executors.flight.HandoverReader;
import io.puffindb.executors.flight.QueryTickets;
import io.puffindb.executors.flight.SpillBudget;
import io.puffindb.executors.flight.TaskReader;
import io.puffindb.executors.flight.TaskStats;
import io.puffindb.executors.flight.ShuffleMap;
import io.puffindb.executors.flight.Shuffle;
import io.puffindb.executors.flight.StragglerWatch;
import io.puffindb.executors.flight.TaskStream;
import io.puffindb.executors.fragment.Fragment;
import io.puffindb.executors.fragment.FragmentSql;
import io.puffindb.executors.fragment.TaskSpec;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.Split;
import io.puffindb.lake.cache.CacheUsage;
import io.puffindb.lake.SqlLiterals;
import io.puffindb.lake.store.StoredObject;
import java.io.ByteArrayOutputStream;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.RepeatUnion;
import org.duckdb.DuckDBConnection;

/**
 * Runs one prepared query's fragments: LAMBDA fragments fan out into tasks pulled from the workers
 * over Flight and gathered into the MONOSTORE's DuckDB as registered Arrow streams; the small side of
 * a broadcast join is computed on the MONOSTORE first and pulled by every task from its Flight
 * service; rows of THROUGH subqueries run by other services stream in over HTTP as Arrow. Closing it
 * releases every stream and held result.
 */
final class QueryRun implements AutoCloseable {
    private static final long SPOOL_MEMORY_BYTES = 256L << 20;
    private final String queryId;
    private final PreparedQuery query;
    private final WorkerNode monostore;
    private final RemoteQueryClient remotes;
    private final FlightClients clients;
    private final Promoter promoter;
    private final Handover handover;
    private final ExecutorService pullers;
    private final Duration timeout;
    private final IntUnaryOperator splitsPerTask;
    private final BufferAllocator allocator;
    private final QueryStats stats;
    private final Cancellation cancellation;
    private final QueryTickets tickets;
    private final List<ArrowStreams> registrations = new ArrayList<>();
    private final List<byte[]> heldResults = new ArrayList<>();
    // Broadcast sides already computed, by the plan of the subtree that computes them: a decorrelated
    // query (TPC-H Q21) broadcasts the same subtree to several joins, and each would recompute it.
    private final Map<String, SharedSide> broadcastSides = new ConcurrentHashMap<>();
    private final Map<String, List<StoredObject>> filesByTask = new ConcurrentHashMap<>();
    private final List<Promoter.Read> reads = new CopyOnWriteArrayList<>();
    private final List<MemoryTables.Reading> memoryReads = new CopyOnWriteArrayList<>();
    private final List<TaskReader> taskReaders = new CopyOnWriteArrayList<>();
    private final SpillBudget spillBudget;
    private final StragglerWatch stragglers = new StragglerWatch(StragglerWatch.DEFAULTS);
    // What the gathered tasks' outputs may hold in memory while they wait for their tasks to end (see TaskSpool); disk beyond.
    private final AtomicLong spoolMemory = new AtomicLong(SPOOL_MEMORY_BYTES);

    QueryRun(String queryId, PreparedQuery query, WorkerNode monostore, RemoteQueryClient remotes, FlightClients clients, Promoter promoter, Handover handover, ExecutorService pullers, Duration timeout, IntUnaryOperator splitsPerTask,
            BufferAllocator allocator, QueryStats stats, Cancellation cancellation) {
        this.queryId = requireNonNull(queryId, "queryId is null");
        this.query = requireNonNull(query, "query is null");
        this.monostore = requireNonNull(monostore, "monostore is null");
        this.remotes = requireNonNull(remotes, "remotes is null");
        this.clients = requireNonNull(clients, "clients is null");
        this.promoter = requireNonNull(promoter, "promoter is null");
        this.handover = requireNonNull(handover, "handover is null");
        this.pullers = requireNonNull(pullers, "pullers is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.splitsPerTask = requireNonNull(splitsPerTask, "splitsPerTask is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.stats = requireNonNull(stats, "stats is null");
        this.cancellation = requireNonNull(cancellation, "cancellation is null");
        this.tickets = monostore.tickets().forQuery(queryId, timeout, query.workers());
        this.spillBudget = handover.spillBudget();
    }

    /** The in-memory tables this run reads, pinned until it closes. */
    MemoryTables.Reading readsFromMemory(MemoryTables tables) {
        MemoryTables.Reading reading = tables.reading();
        memoryReads.add(reading);
        return reading;
    }

    /**
     * Registers the inputs a MONOSTORE fragment reads, in the connection that will run it. Gathered
     * inputs of a fragment that joins are first copied into temporary tables: DuckDB cannot count
     * the rows of an Arrow stream, and without counts its join order can be ruinous (TPC-H Q5 joined
     * customer with supplier on the nation key first and spilled tens of GB). A recursive CTE's are
     * too, since each of its steps reads them again.
     */
    void registerInputs(DuckDBConnection connection, Fragment fragment) {
        ArrowStreams streams = new ArrowStreams();
        registrations.add(streams);
        boolean counted = joins(fragment.root());
        for (RemoteThroughTable remote : fragment.remoteTables()) {
            streams.register(connection, remote.streamName(), remotes.open(remote.endpoint(), remote.sql(), allocator), allocator);
        }
        for (JdbcQueryTable database : fragment.databaseQueries()) {
            streams.register(connection, database.streamName(), DatabaseRows.open(database, allocator), allocator);
        }
        for (Fragment.Input input : fragment.inputs()) {
            Fragment source = input.source();
            if (source.tier() != Tier.LAMBDA || input.exchange().kind() != ExchangeKind.GATHER) {
                throw new PuffinException(ErrorCode.INTERNAL_ERROR, "Unsupported exchange into " + fragment.tier() + ": " + input.exchange().kind()
                        + " from " + source.tier());
            }
            List<TaskStream> tasks = tasksOf(source);
            java.util.function.Consumer<TaskStats> done = task -> recordTask(source, task);
            ArrowReader reader;
            if (handover.appliesTo(source, tasks.size(), query.workers())) {
                HandoverReader handed = handover.reader(allocator, tasks, clients, pullers, timeout, done, queryId + "-f" + source.id(),
                        spillBudget);
                taskReaders.add(handed);
                cancellation.onCancel(handed::abort);
                reader = handed;
            } else {
                GatherReader gather = new GatherReader(allocator, tasks, clients, pullers, timeout, done, stragglers, spoolMemory);
                taskReaders.add(gather);
                cancellation.onCancel(gather::abort);
                reader = gather;
            }
            // Wait for the tasks' schema here, not inside DuckDB's registration call: a JNI call must not
            // block on the network.
            try {
                reader.getVectorSchemaRoot();
            } catch (java.io.IOException e) {
                // Not registered yet, so nobody else closes it (a handover's close clears its Registry entries).
                Closeables.closeQuietly(reader);
                throw inputFailure().orElseGet(() -> new PuffinException(ErrorCode.INTERNAL_ERROR, "Fragment " + source.id() + " did not start: " + e.getMessage(), e));
            }
            if (counted) {
                streams.register(connection, input.name() + "_stream", reader, allocator);
                copyIntoTable(connection, input.name());
            } else {
                streams.register(connection, input.name(), reader, allocator);
            }
        }
    }

    // A task's statistics, and the files it read for promotion up the caches.
    private void recordTask(Fragment source, TaskStats task) {
        stats.record(source.id(), task);
        if (!task.failed()) {
            filesByTask.getOrDefault(task.taskId(), List.of()).forEach(file -> reads.add(new Promoter.Read(task.worker(), file)));
        }
    }

    // Waits for the input's whole stream: its tasks' rows become a table DuckDB can count.
    private void copyIntoTable(DuckDBConnection connection, String name) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE " + SqlLiterals.identifier(name) + " AS SELECT * FROM " + SqlLiterals.identifier(name + "_stream"));
        } catch (SQLException e) {
            throw inputFailure().orElseGet(() -> DuckDbErrors.fromDuckDb(e, "Gathering " + name));
        }
    }

    /**
     * Why a LAMBDA input stopped, if one did: the real cause of a failure DuckDB reports only as invalid
     * input from a stream (a lost worker, a worker's DuckDB out of memory, an error in the data).
     */
    Optional<PuffinException> inputFailure() {
        return taskReaders.stream().map(TaskReader::failure).flatMap(Optional::stream).findFirst();
    }

    // Whether the fragment itself joins or recurses (below its exchanges, other fragments do their own work):
    // a recursive CTE reads its inputs once per step, and a stream can be read only once.
    private static boolean joins(RelNode node) {
        return node instanceof Join || node instanceof RepeatUnion
                || (!(node instanceof TierExchange) && node.getInputs().stream().anyMatch(QueryRun::joins));
    }

    private List<TaskStream> tasksOf(Fragment fragment) {
        List<String> workers = query.workers();
        if (workers.isEmpty()) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, "No live LAMBDA worker to run fragment " + fragment.id());
        }
        List<TaskSpec.StreamInput> broadcasts = new ArrayList<>();
        List<BroadcastSide> sides = new ArrayList<>();
        for (Fragment.Input input : fragment.inputs()) {
            if (input.exchange().kind() == ExchangeKind.BROADCAST) {
                long start = System.nanoTime();
                SharedSide shared = broadcastSide(input.source());
                broadcasts.add(new TaskSpec.StreamInput(input.name(), monostore.location(), shared.ticket()));
                sides.add(new BroadcastSide(input.source(), shared.rows(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
            }
        }
        List<TaskStream> tasks = fragment.byKey().isPresent()
                ? keyRangeTasks(fragment, fragment.byKey().get(), broadcasts, workers)
                : scanTasks(fragment, broadcasts, workers);
        // Every task pulls its own copy of a broadcast side: that many copies cross the exchange.
        for (BroadcastSide side : sides) {
            stats.record(side.source().id(), new TaskStats("f" + side.source().id() + "-broadcast", monostore.location(), 0, 0,
                    side.rows().rows(), (long) side.rows().ipc().length * tasks.size(), side.millis(), 1, CacheUsage.NONE, TaskStats.STREAM));
        }
        return tasks;
    }

    private record BroadcastSide(Fragment source, Materialized rows, long millis) {
    }

    /** A broadcast side's rows and the ticket its tasks pull them with. */
    private record SharedSide(Materialized rows, byte[] ticket) {
    }

    // Not computeIfAbsent: computing a side registers its own inputs, which may ask for other broadcast sides.
    private SharedSide broadcastSide(Fragment source) {
        String plan = RelOptUtil.toString(source.root());
        SharedSide known = broadcastSides.get(plan);
        if (known != null) {
            return known;
        }
        Materialized side = materialize(source);
        byte[] ticket = monostore.results().put(side.ipc());
        heldResults.add(ticket);
        SharedSide shared = new SharedSide(side, ticket);
        broadcastSides.put(plan, shared);
        return shared;
    }

    private List<TaskStream> scanTasks(Fragment fragment, List<TaskSpec.StreamInput> broadcasts, List<String> workers) {
        List<TaskStream> tasks = new ArrayList<>();
        List<List<Split>> shares = fragment.taskShares(splitsPerTask);
        List<List<StoredObject>> files = shares.stream().map(fragment::remoteFiles).toList();
        List<Optional<String>> cachedOn = query.caches().preferredWorkers(files);
        for (int task = 0; task < shares.size(); task++) {
            List<Split> share = shares.get(task);
            TaskSpec spec = new TaskSpec(queryId, "f" + fragment.id() + "-t" + task, FragmentSql.render(fragment, share), broadcasts, files.get(task));
            filesByTask.put(spec.taskId(), spec.files());
            tasks.add(new TaskStream(spec, preferring(cachedOn.get(task), rotated(workers, task)), share.size(),
                    share.stream().mapToLong(Split::sizeBytes).sum(), tickets));
        }
        return tasks;
    }

    /**
     * One task per key range, over a real shuffle: each task of the producing fragment runs once, on a
     * worker that keeps its output dealt by the keys' hash ({@link ShuffleMap}); then range {@code r}'s
     * task fetches part {@code r} from every producer's worker and runs the fragment's SQL.
     */
    private List<TaskStream> keyRangeTasks(Fragment fragment, Fragment.Input byKey, List<TaskSpec.StreamInput> broadcasts, List<String> workers) {
        List<TaskStream> producers = tasksOf(byKey.source());
        List<String> columns = byKey.source().root().getRowType().getFieldNames();
        int ranges = workers.size();
        Shuffle shuffle = new Shuffle(byKey.exchange().keys().stream().map(columns::get).toList(), ranges);
        ShuffleMap map = new ShuffleMap(clients, pullers, timeout, stragglers, task -> recordTask(byKey.source(), task));
        cancellation.onCancel(map::stop);
        List<ShuffleMap.Output> outputs = map.run(producers, shuffle);
        List<TaskStream> tasks = new ArrayList<>();
        for (int range = 0; range < ranges; range++) {
            List<TaskSpec.StreamInput> inputs = new ArrayList<>(broadcasts);
            for (ShuffleMap.Part part : ShuffleMap.parts(outputs, shuffle, range)) {
                inputs.add(new TaskSpec.StreamInput(byKey.name(), part.location(), part.ticket()));
            }
            TaskSpec spec = new TaskSpec(queryId, "f" + fragment.id() + "-k" + range, FragmentSql.render(fragment), inputs,
                    fragment.remoteFiles(List.of()));
            tasks.add(new TaskStream(spec, rotated(workers, range), 0, 0, tickets));
        }
        return tasks;
    }

    // Scheduler affinity: a task goes first to the live worker whose SSD caches its files.
    private static List<String> preferring(Optional<String> cachedOn, List<String> workers) {
        if (cachedOn.isEmpty() || !workers.contains(cachedOn.get())) {
            return workers;
        }
        List<String> order = new ArrayList<>(workers);
        order.remove(cachedOn.get());
        order.add(0, cachedOn.get());
        return order;
    }

    private static List<String> rotated(List<String> workers, int start) {
        List<String> order = new ArrayList<>(workers.size());
        for (int i = 0; i < workers.size(); i++) {
            order.add(workers.get((start + i) % workers.size()));
        }
        return order;
    }

    /** A broadcast side's rows as Arrow IPC bytes, and how many there are. */
    private record Materialized(byte[] ipc, long rows) {
    }

    /** Runs a MONOSTORE fragment to its end and keeps its rows as Arrow IPC bytes (a broadcast side: small by cost). */
    private Materialized materialize(Fragment fragment) {
        if (fragment.tier() != Tier.MONOSTORE) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, "Broadcasts come from the MONOSTORE, not " + fragment.tier());
        }
        DuckDbRunner runner = new DuckDbRunner(monostore.engine(), 65536);
        try (ArrowResult result = runner.run(FragmentSql.render(fragment), fragment.remoteFiles(List.of()), allocator, "Broadcast side",
                cancellation, connection -> registerInputs(connection, fragment))) {
            stats.recordEngineReads(fragment.id(), result.cacheUsage());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            long rows = 0;
            try (ArrowStreamWriter writer = new ArrowStreamWriter(result.reader().getVectorSchemaRoot(), null, bytes)) {
                writer.start();
                while (result.reader().loadNextBatch()) {
                    writer.writeBatch();
                    rows += result.reader().getVectorSchemaRoot().getRowCount();
                }
                writer.end();
            }
            return new Materialized(bytes.toByteArray(), rows);
        } catch (PuffinException e) {
            throw e;
        } catch (Exception e) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, "Broadcast side failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        promoter.promote(reads);
        memoryReads.forEach(MemoryTables.Reading::close);
        promoter.promoteToRam(query.rootFragment());
        heldResults.forEach(ticket -> monostore.results().remove(ticket));
        for (ArrowStreams streams : registrations) {
            streams.close();
        }
        tickets.end();
    }
}
