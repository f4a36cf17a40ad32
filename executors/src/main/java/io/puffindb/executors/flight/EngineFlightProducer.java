package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.DuckDbEngine;
import io.puffindb.executors.fragment.TaskSpec;
import io.puffindb.lake.cache.FileCache;
import io.puffindb.lake.SqlLiterals;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.registry.Registry;
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
 * Actions: a task run to its end and handed over ({@link TaskHandover}), a cached file copied out
 * ({@link CachedFiles}), a finished task's cache usage ({@link TaskUsages}), a query's end ({@link TaskTickets}).
 * A task runs only from a ticket the MONOSTORE signed ({@link TaskTickets#verify}), never from SQL a caller wrote.
 */
public final class EngineFlightProducer extends NoOpFlightProducer {
    private static final Logger LOG = LoggerFactory.getLogger(EngineFlightProducer.class);

    private final DuckDbEngine engine;
    private final BufferAllocator allocator;
    private final FlightClients clients;
    private final ResultStore results;
    private final int batchRows;
    private final java.util.concurrent.atomic.AtomicInteger activeTasks = new java.util.concurrent.atomic.AtomicInteger();
    private final TaskUsages usages = new TaskUsages();
    private final TaskTickets tickets;
    private final HandoverWorker handovers;

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
    }

    @Override
    public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
        byte[] bytes = ticket.getBytes();
        try {
            if (ResultStore.isResultTicket(bytes)) {
                serveResult(bytes, listener);
            } else {
                runTask(tickets.verify(bytes).task(), TaskOutput.flight(listener));
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
                case TaskTickets.END_ACTION -> {
                    tickets.ended(action.getBody());
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
        activeTasks.incrementAndGet();
        try {
            return runTaskCounted(task, output);
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

    private long runTaskCounted(TaskSpec task, TaskOutput output) throws Exception {
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
                FlightStream stream = clients.to(input.location()).getStream(new Ticket(input.ticket()));
                String streamName = input.name() + "_stream_" + i;
                FlightBatchReader reader = new FlightBatchReader(taskMemory, stream);
                inputs.register(connection, streamName, reader, taskMemory);
                String table = SqlLiterals.identifier(input.name());
                try (Statement load = connection.createStatement()) {
                    load.execute((created.add(input.name()) ? "CREATE TEMP TABLE " + table + " AS " : "INSERT INTO " + table + " ")
                            + "SELECT * FROM " + SqlLiterals.identifier(streamName));
                } catch (java.sql.SQLException e) {
                    throw reader.failure().map(Exception.class::cast).orElse(e);
                }
            }
            String sql = engine.atCachedPaths(task.sql(), task.files());
            try (VectorSchemaRoot out = VectorSchemaRoot.create(resultSchema(connection, sql, taskMemory), taskMemory);
                    Statement statement = connection.createStatement()) {
                // The schema goes out before the work starts, so the consumer knows at once that the task is under way.
                output.start(out);
                // gRPC runs a call's callbacks one at a time on one executor, so Flight's cancel handler would
                // only run after this method returns; the call's Context is cancelled at once, on its own thread.
                Context call = Context.current();
                Context.CancellationListener stop = cancelled -> cancelQuietly(statement);
                call.addListener(stop, Runnable::run);
                try {
                    // Cancelled while its files were staged or its schema computed: a statement not yet running ignores cancel.
                    return call.isCancelled() ? 0 : runQuery(connection, statement, sql, taskMemory, out, output);
                } finally {
                    call.removeListener(stop);
                }
            }
        }
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
