package io.puffindb.executors;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.LogicalPlan;
import io.puffindb.calcite.parser.SqlDescribeDuckDb;
import io.puffindb.calcite.parser.SqlUseSchema;
import io.puffindb.calcite.SqlFrontEnd;
import io.puffindb.calcite.through.AllowList;
import io.puffindb.calcite.through.ThroughLimits;
import io.puffindb.calcite.through.ThroughRewriter;
import io.puffindb.calcite.tier.TierConvention;
import io.puffindb.cost.LiveWorkers;
import io.puffindb.executors.cache.CacheDirectory;
import io.puffindb.executors.cache.CacheSnapshot;
import io.puffindb.executors.cache.ClientCopies;
import io.puffindb.executors.cache.MemoryTables;
import io.puffindb.executors.cache.Promoter;
import io.puffindb.executors.flight.FlightClients;
import io.puffindb.executors.fragment.Fragment;
import io.puffindb.executors.fragment.FragmentSql;
import io.puffindb.executors.fragment.SplitPruner;
import io.puffindb.executors.stats.GroupCount;
import io.puffindb.executors.stats.StatisticsStore;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.store.StoredObject;
import io.puffindb.rules.JdbcPushdown;
import io.puffindb.rules.LogicalRewrites;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.util.CancelFlag;

/**
 * A query's way from text to Arrow: Calcite parses it and its THROUGH clauses are resolved (remote
 * subqueries described by their services, tier pins recorded), the cost-based planner places it on the tiers,
 * the plan is cut into fragments rendered as DuckDB SQL, LAMBDA tasks run on the workers and the
 * MONOSTORE DuckDB runs the rest over their streams. No engine's DuckDB sees the caller's text (only
 * the one of {@link ResultNames}, which holds no rows and reads no files, prepares it to name the answer's columns).
 */
public final class QueryExecutor implements AutoCloseable {
    private final SqlFrontEnd frontEnd;
    private final PhysicalPlanner planner;
    private final WorkerNode monostore;
    private final WorkerPool workers;
    private final RemoteQueryClient remotes;
    private final ThroughRewriter through;
    private final Duration timeout;
    private final int batchRows;
    private final FlightClients clients;
    private final CacheDirectory directory;
    private final StatisticsStore statistics;
    private final Promoter promoter;
    private final Handover handover;
    private final BufferAllocator allocator;
    private final ResultNames names = new ResultNames();
    private final StatementAnswers statements = new StatementAnswers(new StatementAnswers.Planner() {
        @Override
        public List<io.puffindb.lake.LakeColumn> describe(String sql) {
            return QueryExecutor.this.describe(sql);
        }

        @Override
        public Explanation explain(String sql) {
            return QueryExecutor.this.explain(sql);
        }

        @Override
        public Explanation explainAnalyze(String sql) {
            return QueryExecutor.this.explainAnalyze(sql);
        }
    });
    private static final int PROMOTION_QUEUE = 4096;
    // Calcite's validator, converter and planner recurse over the tree: a query at the shape guard's depth limit fits with room to spare.
    private static final long PLANNER_STACK_BYTES = 64L << 20;
    private static final Duration PLANNING_POLL = Duration.ofMillis(20);
    private static final Duration PLANNING_STOP_GRACE = Duration.ofMillis(500);

    private final ExecutorService pullers = Executors.newCachedThreadPool(daemon("task-puller"));
    // The deadline timer only hands cancels over to their own threads: one blocked cancel stalls no other deadline.
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(daemon("query-deadlines"));
    private final ExecutorService cancels = Executors.newCachedThreadPool(daemon("query-cancel"));
    private final ExecutorService planners = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(null, runnable, "query-planner", PLANNER_STACK_BYTES);
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param allocator the root of every query's Arrow memory; the Flight clients must allocate from
     *     the same root, since their batches are handed to the queries without copies
     */
    public QueryExecutor(SqlFrontEnd frontEnd, PhysicalPlanner planner, WorkerNode monostore, WorkerPool workers, FlightClients clients,
            CacheDirectory directory, StatisticsStore statistics, Handover handover, AllowList allowList, BufferAllocator allocator, Duration timeout, int batchRows) {
        this.frontEnd = requireNonNull(frontEnd, "frontEnd is null");
        this.planner = requireNonNull(planner, "planner is null");
        this.monostore = requireNonNull(monostore, "monostore is null");
        this.workers = requireNonNull(workers, "workers is null");
        this.clients = requireNonNull(clients, "clients is null");
        this.directory = requireNonNull(directory, "directory is null");
        this.statistics = requireNonNull(statistics, "statistics is null");
        this.promoter = new Promoter(monostore.engine().cache(), monostore.memoryTables(), clients, PROMOTION_QUEUE);
        this.handover = requireNonNull(handover, "handover is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.batchRows = batchRows;
        this.remotes = new RemoteQueryClient(timeout);
        this.through = new ThroughRewriter(requireNonNull(allowList, "allowList is null"), remotes, ThroughLimits.DEFAULTS);
    }

    public PreparedQuery prepare(String sql) {
        return prepare(sql, Optional.empty(), Optional.empty(), new Cancellation());
    }

    /**
     * Plans {@code sql} for a client whose own cache holds {@code clientFiles}: when the cheapest plan
     * runs wholly on the client, over files it holds, the client gets its SQL; otherwise the files the
     * service's plan reads, which the client may copy once the MONOSTORE caches them.
     */
    public ClientPlan planForClient(String sql, List<StoredObject> clientFiles) {
        ClientCopies copies = ClientCopies.of(clientFiles);
        return ClientPlan.of(prepare(sql, Optional.empty(), Optional.of(copies), new Cancellation()), () -> prepare(sql), copies);
    }

    /**
     * Plans on a planner thread (a deep stack: Calcite recurses over the query's tree) and waits for it.
     * When {@code cancellation} fires the planner is told to stop (Calcite's cancel flag, an interrupt
     * for a call it waits on) and given a moment to say what it was doing; then the wait ends either way.
     */
    private PreparedQuery prepare(String sql, Optional<String> schema, Optional<ClientCopies> client, Cancellation cancellation) {
        CancelFlag stop = new CancelFlag(new AtomicBoolean());
        CompletableFuture<PreparedQuery> outcome = new CompletableFuture<>();
        Future<?> planning = planners.submit(() -> {
            try {
                outcome.complete(plan(sql, schema.map(frontEnd::schemaPath).orElseGet(frontEnd::defaultSchemaPath), client, stop));
            } catch (RuntimeException | Error e) {
                outcome.completeExceptionally(e);
            }
        });
        cancellation.onCancel(() -> {
            stop.requestCancel();
            planning.cancel(true);
        });
        long gaveUpAt = Long.MAX_VALUE;
        while (true) {
            try {
                return outcome.get(PLANNING_POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (cancellation.isCancelled()) {
                    gaveUpAt = Math.min(gaveUpAt, System.nanoTime() + stopGrace().toNanos());
                    if (System.nanoTime() > gaveUpAt) {
                        throw new PuffinException(ErrorCode.CANCELLED, "Query was cancelled while it was planned", e);
                    }
                }
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cancellation.isCancelled()) {
                    throw new PuffinException(ErrorCode.CANCELLED, "Query was cancelled while it was planned: " + cause.getMessage(), cause);
                }
                if (cause instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new PuffinException(ErrorCode.INTERNAL_ERROR, format("Planning failed: %s", cause), cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                planning.cancel(true);
                throw new PuffinException(ErrorCode.CANCELLED, "Query was cancelled while it was planned", e);
            }
        }
    }

    // Short beside the deadline, so that a query stopped while planning still answers well within twice its deadline.
    private Duration stopGrace() {
        Duration quarter = timeout.dividedBy(4);
        return quarter.compareTo(PLANNING_STOP_GRACE) < 0 ? quarter : PLANNING_STOP_GRACE;
    }

    /** Plans {@code sql} with its unqualified table names resolving in {@code schemaPath}. */
    private PreparedQuery plan(String sql, List<String> schemaPath, Optional<ClientCopies> client, CancelFlag stop) {
        long start = System.nanoTime();
        try {
            SqlNode parsed = frontEnd.parse(sql, schemaPath);
            if (parsed instanceof SqlUseSchema use) {
                List<String> used = frontEnd.schemaPath(use);
                // What follows the USE is planned in its schema; a USE alone answers with the schema it chose.
                String next = use.statementStart().map(following -> StatementAnswers.following(sql, following)).orElseGet(() -> StatementAnswers.schema(used));
                return plan(next, used, client, stop);
            }
            if (parsed instanceof SqlDescribeDuckDb statement && statement.summarizes()) {
                // DuckDB summarizes the answer where the answer is made: the service's plan, never a client's.
                return Summaries.of(sql, plan(StatementAnswers.target(sql, statement), schemaPath, Optional.empty(), stop));
            }
            Optional<String> answer = statements.answer(sql, parsed, frontEnd.rootSchema(), schemaPath);
            if (answer.isPresent()) {
                return plan(answer.get(), schemaPath, client, stop);
            }
            List<WorkerPool.WorkerStatus> liveWorkers = workers.statuses();
            List<String> live = liveWorkers.stream().map(WorkerPool.WorkerStatus::location).toList();
            CacheSnapshot caches = new CacheSnapshot(directory, monostore.id(),
                    liveWorkers.stream().collect(java.util.stream.Collectors.toMap(WorkerPool.WorkerStatus::id, WorkerPool.WorkerStatus::location)));
            ThroughRewriter.Rewritten resolved = through.rewrite(parsed, PhysicalPlanner.tiers(live.size()));
            NamingQuestion naming = NamingQuestion.of(sql, parsed, resolved.query());
            LiveWorkers alive = new LiveWorkers(live.size(), (int) liveWorkers.stream().filter(WorkerPool.WorkerStatus::inProcess).count());
            PhysicalPlanner.Planning planning = client.isPresent()
                    ? planner.startForClient(alive, client.get().over(caches), statistics.forPlanning(), stop)
                    : planner.start(alive, caches, statistics.forPlanning(), stop);
            LogicalPlan validated = frontEnd.toLogicalPlan(resolved.query(), schemaPath, planning.planner(), planning.metadata().provider(),
                    resolved.remoteTables());
            // Parts that read one database handed to it; files pruned before placement: costs see the rows and bytes of the files a scan will read.
            LogicalPlan plan = validated.withRoot(SplitPruner.prune(JdbcPushdown.pushDown(LogicalRewrites.rewrite(validated.root()))));
            RelNode physical = planning.place(plan.root(), client.isPresent() ? TierConvention.CLIENT : TierConvention.MONOSTORE);
            Fragment root = io.puffindb.executors.fragment.Fragmenter.fragment(physical);
            AnswerColumns columns = names.of(naming, validated, schemaPath);
            return new PreparedQuery(sql, plan, root, live, planning.metadata(), caches, GroupCount.of(plan.root()),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), Optional.of(columns));
        } catch (PuffinException e) {
            throw e;
        } catch (StackOverflowError e) {
            // The shape guard bounds nesting; this is the last resort for a shape it does not count.
            throw new PuffinException(ErrorCode.VALIDATION_ERROR, "The query nests too deeply to plan", e);
        } catch (RuntimeException | AssertionError e) {
            if (stop.isCancelRequested()) {
                throw new PuffinException(ErrorCode.CANCELLED, "Planning was stopped", e);
            }
            // Calcite failing on a query it validated is a gap of ours, not the caller's mistake.
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, format("Planning failed: %s", e), e);
        }
    }

    /** Starts the query; the caller reads it and closes it (which releases its memory). */
    public RunningQuery run(PreparedQuery query) {
        return run(handle(query));
    }

    /** A handle on a query still to be planned: watched, cancellable and under its deadline from this moment. */
    public QueryHandle handle(String sql) {
        return handle(sql, Optional.empty());
    }

    /** The same, for a statement whose unqualified table names resolve in {@code schema} (a client's earlier USE). */
    public QueryHandle handle(String sql, Optional<String> schema) {
        Cancellation cancellation = new Cancellation();
        return new QueryHandle(sql, schema, cancellation, new QueryDeadline(deadlines, cancels, timeout, cancellation));
    }

    /** A handle on a planned query before it starts, so it can be watched and cancelled from the first moment. */
    public QueryHandle handle(PreparedQuery query) {
        QueryHandle handle = handle(query.sql());
        handle.planned(query);
        return handle;
    }

    /**
     * Plans the query of {@code handle} if it is not planned yet, then starts it; the caller reads it
     * and closes it (which releases its memory).
     */
    public RunningQuery run(QueryHandle handle) {
        try {
            if (handle.planned().isEmpty()) {
                handle.planned(prepare(handle.sql(), handle.schema(), Optional.empty(), handle.cancellation()));
            }
        } catch (RuntimeException e) {
            handle.deadline().disarm();
            throw handle.stoppedOr(e);
        }
        String queryId = UUID.randomUUID().toString();
        BufferAllocator memory = allocator.newChildAllocator("query-" + queryId, 0, Long.MAX_VALUE);
        try {
            return run(queryId, handle, memory);
        } catch (RuntimeException e) {
            memory.close();
            throw e;
        }
    }

    private RunningQuery run(String queryId, QueryHandle handle, BufferAllocator allocator) {
        PreparedQuery query = handle.query();
        Cancellation cancellation = handle.cancellation();
        QueryDeadline deadline = handle.deadline();
        QueryRun run = new QueryRun(queryId, query, monostore, remotes, clients, promoter, handover, pullers, timeout,
                query.metadata().parameters()::splitsPerTask, allocator, handle.stats(), cancellation);
        try {
            Fragment root = query.rootFragment();
            // Tables held in the MONOSTORE's memory are read there, not from their files.
            MemoryTables.Reading memory = run.readsFromMemory(monostore.memoryTables());
            String sql = FragmentSql.render(root, memory);
            handle.stats().recordSql(root.id(), sql);
            List<StoredObject> files = new ArrayList<>(root.remoteFiles(List.of()));
            files.removeAll(memory.files());
            ArrowResult result = new DuckDbRunner(monostore.engine(), batchRows).run(sql, files, allocator, "Query", cancellation,
                    connection -> run.registerInputs(connection, root));
            handle.stats().recordEngineReads(root.id(), result.cacheUsage().plus(memory.usage()));
            // A query read to its end may have measured a table statistic (see GroupCount).
            return new RunningQuery(handle, result, run, allocator,
                    rows -> query.measures().ifPresent(measured -> statistics.learn(measured, rows)));
        } catch (RuntimeException e) {
            deadline.disarm();
            Closeables.closeQuietly(run);
            if (deadline.expired()) {
                throw deadline.exceeded(e);
            }
            if (run.inputFailure().isPresent()) {
                throw run.inputFailure().get();
            }
            throw e instanceof PuffinException ? e : new PuffinException(ErrorCode.INTERNAL_ERROR, "Query failed to start: " + e, e);
        }
    }

    /** The result's columns with DuckDB's exact types, without running the query (for THROUGH callers). */
    public List<io.puffindb.lake.LakeColumn> describe(String sql) {
        return new ResultDescriber(monostore.engine()).describe(prepare(sql));
    }

    public Explanation explain(String sql) {
        return PlanDescriber.explain(prepare(sql), java.util.Optional.empty(), null, null);
    }

    /** EXPLAIN ANALYZE: runs the query to its end, then describes the plan with what each task did. */
    public Explanation explainAnalyze(String sql) {
        long start = System.nanoTime();
        PreparedQuery query = prepare(sql);
        long rows = 0;
        try (RunningQuery running = run(query)) {
            while (running.nextBatch()) {
                rows += running.batch().getRowCount();
            }
            return PlanDescriber.explain(query, java.util.Optional.of(running.stats()), rows,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (PuffinException e) {
            throw e;
        } catch (Exception e) {
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, "EXPLAIN ANALYZE failed: " + e, e);
        }
    }

    /** Background copies into the MONOSTORE's cache not finished yet (what finished queries read). */
    public int pendingPromotions() {
        return promoter.pending();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        promoter.close();
        deadlines.shutdownNow();
        planners.shutdownNow();
        cancels.shutdownNow();
        pullers.shutdownNow();
        names.close();
    }
}
