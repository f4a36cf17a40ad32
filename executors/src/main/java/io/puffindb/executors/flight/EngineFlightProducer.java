package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.DuckDbEngine;
import io.puffindb.executors.fragment.TaskSpec;
import io.puffindb.lake.cache.FileCache;
import io.puffindb.lake.SqlLiterals;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.registry.Registry;
import java.util.List;
import java.util.Optional;
import java.io.ByteArrayInputStream;
import java.sql.ResultSet;
import java.sql.Statement;
import io.grpc.Context;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Flight service of an engine (a worker, or the MONOSTORE). A ticket is either a task — run its
 * SQL in this engine's DuckDB, its inputs pulled from other engines first, and stream the result
 * batch by batch as DuckDB produces it, waiting while the consumer is not ready — or a held result.
 * A ticket may also ask for one part of a shuffled task output this engine keeps ({@link ShuffleOutputs}).
 * Actions: a task run to its end and handed over ({@link TaskHandover}), a task run once and kept
 * for a shuffle ({@link ShuffleMap}), a cached file copied out ({@link CachedFiles}), a finished
 * task's cache usage ({@link TaskUsages}), a query's end ({@link TaskTickets}: its shuffled outputs are dropped).
 * A task runs only from a ticket the MONOSTORE signed ({@link TaskTickets#verify}), never from SQL a caller wrote.
 */
public final class EngineFlightProducer extends NoOpFlightProducer {
    private static final Logger LOG = LoggerFactory.getLogger(EngineFlightProducer.class);
    private static final String PARTITION_COLUMN = "puffindb_partition";
    private static final java.time.Duration PART_START_TIMEOUT = java.time.Duration.ofSeconds(5);

    private final DuckDbEngine engine;
    private final BufferAllocator allocator;
    private final FlightClients clients;
    private final ResultStore results;
    private final int batchRows;
    private final java.util.concurrent.atomic.AtomicInteger activeTasks = new java.util.concurrent.atomic.AtomicInteger();
    private final TaskUsages usages = new TaskUsages();
    private final TaskTickets tickets;
    private final HandoverWorker handovers;
    private final ShuffleOutputs shuffles;

    /**
     * {@code registry}: the deployment's shared Registry, through which this engine can hand task outputs over (none: it only streams);
     * {@code tickets}: what decides whether a ticket may run here.
     */
    public EngineFlightProducer(DuckDbEngine engine, BufferAllocator allocator, FlightClients clients, ResultStore results, int batchRows,
            Optional<Registry> registry, ObjectStores stores, TaskTickets tickets) {
        this.engine = requireNonNull(engine, "engine is null");
        this.tickets = requireNonNull(tickets, "tickets is null");
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.clients = requireNonNull(clients, "clients is null");
        this.results = requireNonNull(results, "results is null");
        this.batchRows = batchRows;
        this.handovers = new HandoverWorker(tickets, registry, stores, this::runTask, usages);
        this.shuffles = new ShuffleOutputs(engine, tickets::hasEnded);
    }

    @Override
    public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
        byte[] bytes = ticket.getBytes();
        try {
            if (ResultStore.isResultTicket(bytes)) {
                serveResult(bytes, listener);
            } else {
                TaskTicket verified = tickets.verify(bytes);
                if (verified.partition() == TaskTicket.WHOLE) {
                    runTask(verified.task(), TaskOutput.flight(listener));
                } else {
                    servePart(verified, listener);
                }
            }
        } catch (FlightRuntimeException e) {
            LOG.warn("Flight stream refused or failed: {}", e.getMessage());
            listener.error(e);
        } catch (Exception e) {
            LOG.warn("Flight stream failed: {}", e.getMessage());
            listener.error(CallStatus.INTERNAL.withDescription(String.valueOf(e.getMessage())).withCause(e).toRuntimeException());
        }
    }

    /** {@value TaskUsages#ACTION}: where a finished task's files came from; {@value CachedFiles#ACTION}: a copy of a cached file. */
    @Override
    public void doAction(CallContext context, Action action, StreamListener<Result> listener) {
        try {
            switch (action.getType()) {
                case TaskUsages.ACTION -> {
                    usages.answer(action).ifPresent(body -> listener.onNext(new Result(body)));
                    listener.onCompleted();
                }
                case CachedFiles.ACTION -> CachedFiles.serve(engine.cache(), action, listener);
                case TaskHandover.ACTION -> {
                    listener.onNext(new Result(handovers.handOver(action.getBody()).toBytes()));
                    listener.onCompleted();
                }
                case ShuffleMap.ACTION -> writeShuffle(tickets.verify(action.getBody()), listener);
                case TaskTickets.END_ACTION -> {
                    shuffles.dropQuery(tickets.ended(action.getBody()));
                    listener.onCompleted();
                }
                default -> listener.onError(CallStatus.UNIMPLEMENTED.withDescription("Unknown action " + action.getType()).toRuntimeException());
            }
        } catch (FlightRuntimeException e) {
            LOG.warn("Flight action {} refused or failed: {}", action.getType(), e.getMessage());
            listener.onError(e);
        } catch (Exception e) {
            LOG.warn("Flight action {} failed: {}", action.getType(), e.getMessage());
            listener.onError(CallStatus.INTERNAL.withDescription(String.valueOf(e.getMessage())).withCause(e).toRuntimeException());
        }
    }

    /** This engine's side of a handover, for whoever asks for one besides its Flight action (a serverless function's invocation). */
    public HandoverWorker handovers() {
        return handovers;
    }

    /** Tasks running in this engine now. */
    public int activeTasks() {
        return activeTasks.get();
    }

    /**
     * Runs a task into {@code output}; answers how many rows it produced. A failure leaves as a Flight
     * status with its type ({@link TaskErrorStatus}): an input's failure as its own engine typed it.
     */
    private long runTask(TaskSpec task, TaskOutput output) throws Exception {
        return typed(task, () -> inTask(task, (connection, memory, sql) -> stream(connection, memory, sql, output)));
    }

    private <T> T typed(TaskSpec task, java.util.concurrent.Callable<T> work) throws Exception {
        activeTasks.incrementAndGet();
        try {
            return work.call();
        } catch (FlightRuntimeException e) {
            throw e;
        } catch (Exception e) {
            if (Context.current().isCancelled()) {
                // The consumer stopped the task: DuckDB's interrupted statement is no error of the query.
                throw CallStatus.CANCELLED.withDescription("Task " + task.taskId() + " was cancelled").withCause(e).toRuntimeException();
            }
            throw TaskErrorStatus.of(EngineFailures.of(task.taskId(), e));
        } finally {
            activeTasks.decrementAndGet();
        }
    }

    /** What a task does in its connection, once its files are staged and its inputs loaded. */
    private interface TaskWork<T> {
        T run(DuckDBConnection connection, BufferAllocator memory, String sql) throws Exception;
    }

    private <T> T inTask(TaskSpec task, TaskWork<T> work) throws Exception {
        try (FileCache.Lease files = engine.stage(task.files());
                BufferAllocator taskMemory = allocator.newChildAllocator("task-" + task.taskId(), 0, Long.MAX_VALUE);
                DuckDBConnection connection = engine.connect();
                ArrowStreams inputs = new ArrowStreams()) {
            usages.record(task, files.usage());
            // Inputs are loaded into tables first: a broadcast side is joined against the task's whole share
            // (DuckDB then knows its size and builds on it with all threads), and a key range arrives as
            // several streams of the same name, one per producer task.
            java.util.Set<String> created = new java.util.HashSet<>();
            for (int i = 0; i < task.inputs().size(); i++) {
                TaskSpec.StreamInput input = task.inputs().get(i);
                String into = created.add(input.name()) ? "CREATE TEMP TABLE " + SqlLiterals.identifier(input.name()) + " AS "
                        : "INSERT INTO " + SqlLiterals.identifier(input.name()) + " ";
                Optional<TaskTicket> part = shufflePart(input.ticket());
                try {
                    load(connection, taskMemory, inputs, input, input.name() + "_stream_" + i, into, part.isPresent());
                } catch (FlightRuntimeException e) {
                    if (part.isEmpty() || Context.current().isCancelled() || !TaskFailures.retryable(TaskFailures.of(task.taskId(), e))) {
                        throw e;
                    }
                    // The engine that kept the producer's output is gone or frozen: the producer runs here instead. A
                    // failed load left nothing behind (one statement, rolled back whole), so nothing is read twice.
                    LOG.warn("Task {} could not fetch its input from {} ({}): running task {} here", task.taskId(), input.location(),
                            e.getMessage(), part.get().task().taskId());
                    try (Statement load = connection.createStatement()) {
                        load.execute(into + partQuery(shuffled(part.get()), part.get().partition()));
                    }
                }
            }
            return work.run(connection, taskMemory, engine.atCachedPaths(task.sql(), task.files()));
        }
    }

    // One input's stream into its table; a shuffle's part must start within PART_START_TIMEOUT, as its output is ready.
    private void load(DuckDBConnection connection, BufferAllocator memory, ArrowStreams inputs, TaskSpec.StreamInput input, String streamName,
            String into, boolean part) throws Exception {
        FlightStream stream = clients.to(input.location()).getStream(new Ticket(input.ticket()));
        FlightBatchReader reader = new FlightBatchReader(memory, stream);
        if (part) {
            java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                if (!started.get()) {
                    stream.cancel("no part of a shuffled output within " + PART_START_TIMEOUT, null);
                }
            }, java.util.concurrent.CompletableFuture.delayedExecutor(PART_START_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
            try {
                stream.getSchema();
            } catch (FlightRuntimeException e) {
                try {
                    reader.close();
                } catch (Exception ignored) {
                    // the failure that matters is the stream's
                }
                throw e;
            } finally {
                started.set(true);
            }
        }
        inputs.register(connection, streamName, reader, memory);
        try (Statement load = connection.createStatement()) {
            load.execute(into + "SELECT * FROM " + SqlLiterals.identifier(streamName));
        } catch (java.sql.SQLException e) {
            throw reader.failure().map(Exception.class::cast).orElse(e);
        }
    }

    // The ticket of a shuffle's part, read here (this engine shares the cluster's secret): its producer can run here too.
    private Optional<TaskTicket> shufflePart(byte[] ticket) {
        if (ResultStore.isResultTicket(ticket)) {
            return Optional.empty();
        }
        TaskTicket verified = tickets.verify(ticket);
        return verified.partition() == TaskTicket.WHOLE ? Optional.empty() : Optional.of(verified);
    }

    private static String partQuery(ShuffleOutputs.Written written, int partition) {
        return "SELECT * EXCLUDE (" + PARTITION_COLUMN + ") FROM " + SqlLiterals.identifier(written.table()) + " WHERE " + PARTITION_COLUMN + " = " + partition;
    }

    private long stream(DuckDBConnection connection, BufferAllocator taskMemory, String sql, TaskOutput output) throws Exception {
        try (VectorSchemaRoot out = VectorSchemaRoot.create(resultSchema(connection, sql, taskMemory), taskMemory);
                Statement statement = connection.createStatement()) {
            // The schema goes out before the work starts, so the consumer knows at once that the task is under way.
            output.start(out);
            return whileCalled(statement, () -> runQuery(connection, statement, sql, taskMemory, out, output));
        }
    }

    /**
     * Runs {@code work} on {@code statement}, which the call's cancel stops. gRPC runs a call's
     * callbacks one at a time on one executor, so Flight's cancel handler would only run after this
     * method returns; the call's Context is cancelled at once, on its own thread.
     */
    private static long whileCalled(Statement statement, java.util.concurrent.Callable<Long> work) throws Exception {
        Context call = Context.current();
        Context.CancellationListener stop = cancelled -> cancelQuietly(statement);
        call.addListener(stop, Runnable::run);
        try {
            // Cancelled while its files were staged or its schema computed: a statement not yet running ignores cancel.
            return call.isCancelled() ? 0 : work.call();
        } finally {
            call.removeListener(stop);
        }
    }

    /**
     * {@value ShuffleMap#ACTION}: runs the task once and keeps its output here, each row marked with its
     * partition, for its consumers to fetch part by part; answers its rows and where its files came from.
     */
    private void writeShuffle(TaskTicket ticket, StreamListener<Result> listener) throws Exception {
        if (ticket.shuffle() == null) {
            throw CallStatus.INVALID_ARGUMENT.withDescription("The ticket of task " + ticket.task().taskId() + " is not a shuffle's").toRuntimeException();
        }
        ShuffleOutputs.Written written = shuffled(ticket);
        listener.onNext(new Result(new TaskHandover.Outcome(TaskStats.SHUFFLE, 0, written.rows(), usages.take(ticket.task()).orElse(null)).toBytes()));
        listener.onCompleted();
    }

    // The output of a shuffle's producer task, run here now if this engine holds none (a retried consumer may ask another engine).
    private ShuffleOutputs.Written shuffled(TaskTicket ticket) throws Exception {
        TaskSpec task = ticket.task();
        return shuffles.written(task, (table, writing) -> typed(task, () -> inTask(task, (connection, memory, sql) -> {
            try (Statement statement = connection.createStatement()) {
                writing.accept(statement);
                return whileCalled(statement, () -> {
                    statement.execute("CREATE TABLE " + SqlLiterals.identifier(table) + " AS SELECT *, " + ticket.shuffle().partitionOf() + " AS "
                            + PARTITION_COLUMN + " FROM (" + sql + ") AS produced");
                    try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + SqlLiterals.identifier(table))) {
                        count.next();
                        return count.getLong(1);
                    }
                });
            }
        })));
    }

    // One part of a shuffled output, streamed as a task of its own.
    private void servePart(TaskTicket ticket, ServerStreamListener listener) throws Exception {
        ShuffleOutputs.Written written = shuffled(ticket);
        TaskSpec producer = ticket.task();
        TaskSpec part = new TaskSpec(producer.queryId(), producer.taskId() + "-p" + ticket.partition(), partQuery(written, ticket.partition()),
                List.of(), List.of());
        runTask(part, TaskOutput.flight(listener));
    }

    // DuckDB's own error is recovered where the streaming path hides it (StreamedQueryErrors): the engine types it from there.
    private long runQuery(DuckDBConnection connection, Statement statement, String sql, BufferAllocator memory, VectorSchemaRoot out, TaskOutput output) throws Exception {
        ResultSet resultSet;
        try {
            resultSet = statement.executeQuery(sql);
        } catch (java.sql.SQLException e) {
            // A cancelled task stops here (runTask reports it cancelled): running its query again would be the work cancel stops.
            throw Context.current().isCancelled() ? e : StreamedQueryErrors.recover(e, connection, sql);
        }
        try (resultSet;
                ArrowReader reader = (ArrowReader) resultSet.unwrap(DuckDBResultSet.class).arrowExportStream(memory, batchRows)) {
            return copyInto(reader, out, output);
        }
    }

    // What the task will produce, from the same SQL with no rows wanted (DuckDB answers that without doing the work).
    private Schema resultSchema(DuckDBConnection connection, String sql, BufferAllocator memory) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet empty = statement.executeQuery("SELECT * FROM (" + sql + ") AS task LIMIT 0");
                ArrowReader reader = (ArrowReader) empty.unwrap(DuckDBResultSet.class).arrowExportStream(memory, batchRows)) {
            return reader.getVectorSchemaRoot().getSchema();
        }
    }

    private static long copyInto(ArrowReader reader, VectorSchemaRoot out, TaskOutput output) throws Exception {
        VectorLoader loader = new VectorLoader(out);
        long rows = 0;
        while (loadNext(reader)) {
            try (ArrowRecordBatch batch = new VectorUnloader(reader.getVectorSchemaRoot()).getRecordBatch()) {
                loader.load(batch);
            }
            rows += out.getRowCount();
            if (!output.send()) {
                return rows;
            }
        }
        output.end();
        return rows;
    }

    private static boolean loadNext(ArrowReader reader) throws Exception {
        try {
            return reader.loadNextBatch();
        } catch (java.io.IOException e) {
            throw StreamedQueryErrors.of(e).map(Exception.class::cast).orElse(e);
        }
    }

    private void serveResult(byte[] ticket, ServerStreamListener listener) throws Exception {
        try (BufferAllocator memory = allocator.newChildAllocator("result", 0, Long.MAX_VALUE);
                ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(results.get(ticket)), memory)) {
            TaskOutput output = TaskOutput.flight(listener);
            output.start(reader.getVectorSchemaRoot());
            while (reader.loadNextBatch()) {
                if (!output.send()) {
                    return;
                }
            }
            output.end();
        }
    }

    private static void cancelQuietly(Statement statement) {
        try {
            statement.cancel();
        } catch (Exception ignored) {
            // the task ended meanwhile
        }
    }
}
