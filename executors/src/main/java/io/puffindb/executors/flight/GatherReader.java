package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.PuffinException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.arrow.flight.CallOptions;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer side of a gather: pulls every task's stream at once (so the tasks run in parallel on
 * their workers) and hands their batches to DuckDB as one Arrow stream. A bounded queue and gRPC flow
 * control give back-pressure; nothing is held beyond the queue. A task whose worker fails before
 * sending any row is retried on the next worker, unless the failure is the caller's (its type came
 * with the worker's status): then no worker would do better, and the query stops at once.
 */
public final class GatherReader extends ArrowReader implements TaskReader {
    private static final Logger LOG = LoggerFactory.getLogger(GatherReader.class);
    private static final Object END = new Object();
    private static final Duration TASK_START_TIMEOUT = Duration.ofSeconds(30);

    private final List<TaskStream> tasks;
    private final FlightClients clients;
    private final Duration timeout;
    private final BlockingQueue<Object> queue;
    private final CompletableFuture<Schema> schema = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<FlightStream> openStreams = new CopyOnWriteArrayList<>();
    private final List<Future<?>> pullers;
    private final Consumer<TaskStats> statsSink;
    private final AtomicReference<PuffinException> failure = new AtomicReference<>();
    private int ended;
    private long bytes;

    public GatherReader(BufferAllocator allocator, List<TaskStream> tasks, FlightClients clients, ExecutorService pool, Duration timeout,
            Consumer<TaskStats> statsSink) {
        super(allocator);
        this.tasks = List.copyOf(tasks);
        this.clients = requireNonNull(clients, "clients is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.statsSink = requireNonNull(statsSink, "statsSink is null");
        this.queue = new ArrayBlockingQueue<>(Math.max(4, 2 * tasks.size()));
        this.pullers = tasks.stream().<Future<?>>map(task -> pool.submit(() -> pull(task))).toList();
    }

    private void pull(TaskStream task) {
        long start = System.nanoTime();
        RuntimeException lastFailure = null;
        String lastWorker = null;
        int attempt = 0;
        for (String worker : task.workerLocations()) {
            attempt++;
            long rows = 0;
            long bodyBytes = 0;
            try (FlightStream stream = clients.to(worker).getStream(new Ticket(task.ticket()), CallOptions.timeout(timeout.toMillis(),
                    TimeUnit.MILLISECONDS))) {
                openStreams.add(stream);
                AtomicBoolean started = new AtomicBoolean();
                // A worker that does not even start the task soon is given up on, and the task goes to the next one.
                CompletableFuture.runAsync(() -> {
                    if (!started.get()) {
                        stream.cancel("task did not start within " + TASK_START_TIMEOUT, null);
                    }
                }, CompletableFuture.delayedExecutor(TASK_START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
                Schema taskSchema = stream.getSchema();
                started.set(true);
                schema.complete(taskSchema);
                while (!closed.get() && stream.next()) {
                    ArrowRecordBatch batch = new VectorUnloader(stream.getRoot()).getRecordBatch();
                    rows += batch.getLength();
                    bodyBytes += batch.computeBodyLength();
                    offer(batch);
                }
                openStreams.remove(stream);
                statsSink.accept(new TaskStats(task.spec().taskId(), worker, task.splits(), task.bytesIn(), rows, bodyBytes,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), attempt, TaskUsages.askQuietly(clients, worker, task.spec()), TaskStats.STREAM));
                offer(END);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                lastFailure = e instanceof RuntimeException runtime ? runtime : new RuntimeException(e);
                lastWorker = worker;
                if (closed.get()) {
                    return;
                }
                if (rows > 0 || !TaskFailures.retryable(TaskFailures.of(task.spec().taskId(), lastFailure))) {
                    break; // rows already went downstream (retrying would duplicate them), or any worker would fail the same way
                }
                LOG.warn("Task {} failed on worker {} (attempt {}): {}", task.spec().taskId(), worker, attempt, e.getMessage());
            }
        }
        PuffinException typed = TaskFailures.of(task.spec().taskId(), lastFailure);
        statsSink.accept(TaskStats.failed(task, lastWorker, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), attempt));
        failure.compareAndSet(null, typed);
        schema.completeExceptionally(lastFailure);
        if (!TaskFailures.retryable(typed)) {
            // The caller's mistake fails the query at once: the other tasks are stopped, not left to finish or retry.
            LOG.info("Task {} failed with the caller's error, stopping the other tasks: {}", task.spec().taskId(), typed.getMessage());
            abort();
            return;
        }
        try {
            offer(new TaskFailure(task, lastFailure));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void offer(Object item) throws InterruptedException {
        while (!closed.get()) {
            if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        if (item instanceof ArrowRecordBatch batch) {
            batch.close();
        }
    }

    @Override
    protected Schema readSchema() throws IOException {
        try {
            return schema.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("Task failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("No task answered within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        prepareLoadNextBatch();
        while (ended < tasks.size()) {
            Object item = nextItem();
            if (item == END) {
                ended++;
            } else if (item instanceof TaskFailure failure) {
                throw new IOException("Task " + failure.task().spec().taskId() + " failed on every worker: " + failure.cause().getMessage(),
                        failure.cause());
            } else {
                try (ArrowRecordBatch batch = (ArrowRecordBatch) item) {
                    bytes += batch.computeBodyLength();
                    loadRecordBatch(batch);
                }
                return true;
            }
        }
        return false;
    }

    // Waits in short slices, so that an abort is seen at once.
    private Object nextItem() throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!closed.get()) {
                Object item = queue.poll(100, TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("No rows from the workers within " + timeout);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        PuffinException failed = failure.get();
        throw failed != null ? new IOException(failed.getMessage(), failed) : new IOException("The query was cancelled");
    }

    /** Stops the tasks (their streams are cancelled, so the workers stop) and wakes whoever reads. */
    @Override
    public void abort() {
        closed.set(true);
        cancelStreams("query cancelled");
    }

    @Override
    public Optional<PuffinException> failure() {
        return Optional.ofNullable(failure.get());
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    private void cancelStreams(String why) {
        for (FlightStream stream : openStreams) {
            try {
                stream.cancel(why, null);
            } catch (Exception ignored) {
                // the stream ended on its own meanwhile
            }
        }
    }

    @Override
    protected void closeReadSource() {
        closed.set(true);
        cancelStreams("query finished");
        for (Future<?> puller : pullers) {
            try {
                puller.get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // cancelled or failed: its failure already reached the reader, or nobody is reading any more
            }
        }
        Object item;
        while ((item = queue.poll()) != null) {
            if (item instanceof ArrowRecordBatch batch) {
                batch.close();
            }
        }
    }

    private record TaskFailure(TaskStream task, RuntimeException cause) {
    }
}
