package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.PuffinException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
 * their workers) and hands their batches to DuckDB as one Arrow stream, a task's batches only once
 * the task has ended ({@link TaskAttempts}, {@link TaskSpool}): a task whose worker dies or freezes at any point is run
 * again elsewhere without DuckDB seeing its partial output. The bounded queue gives back-pressure to
 * the finished tasks' spools. A failure that is the caller's (its type came with the worker's status)
 * is not retried: no worker would do better, and the query stops at once.
 */
public final class GatherReader extends ArrowReader implements TaskReader {
    private static final Logger LOG = LoggerFactory.getLogger(GatherReader.class);
    private static final Object END = new Object();

    private final List<TaskStream> tasks;
    private final FlightClients clients;
    private final Duration timeout;
    private final BlockingQueue<Object> queue;
    private final CompletableFuture<Schema> schema = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<TaskAttempts<TaskSpool>> runs;
    private final List<Future<?>> pullers;
    private final Consumer<TaskStats> statsSink;
    private final AtomicReference<PuffinException> failure = new AtomicReference<>();
    private int ended;
    private long bytes;

    public GatherReader(BufferAllocator allocator, List<TaskStream> tasks, FlightClients clients, ExecutorService pool, Duration timeout,
            Consumer<TaskStats> statsSink, StragglerWatch watch, AtomicLong spoolMemory) {
        super(allocator);
        this.tasks = List.copyOf(tasks);
        this.clients = requireNonNull(clients, "clients is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.statsSink = requireNonNull(statsSink, "statsSink is null");
        requireNonNull(watch, "watch is null");
        requireNonNull(spoolMemory, "spoolMemory is null");
        this.queue = new ArrayBlockingQueue<>(Math.max(4, 2 * tasks.size()));
        this.runs = new ArrayList<>();
        this.pullers = new ArrayList<>();
        for (TaskStream task : tasks) {
            TaskAttempts<TaskSpool> run = new TaskAttempts<>(task, pool, watch, (worker, progress) -> spool(task, worker, progress, spoolMemory),
                    GatherReader::closeQuietly, closed::get);
            runs.add(run);
            pullers.add(pool.submit(() -> pull(task, run)));
        }
    }

    private void pull(TaskStream task, TaskAttempts<TaskSpool> run) {
        long start = System.nanoTime();
        try {
            Optional<TaskAttempts.Finished<TaskSpool>> finished = run.run();
            if (finished.isEmpty()) {
                return;
            }
            String worker = finished.get().worker();
            try (TaskSpool spool = finished.get().result()) {
                statsSink.accept(new TaskStats(task.spec().taskId(), worker, task.splits(), task.bytesIn(), spool.rows(), spool.bytes(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), finished.get().attempts(),
                        TaskUsages.askQuietly(clients, worker, task.spec()), TaskStats.STREAM));
                spool.drainTo(this::offer);
            }
            offer(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The task's output was whole but could not be read back from its spool: no worker is to blame.
            failed(task, new UncheckedIOException(e), "this service", 1, start);
        } catch (TaskAttempts.Failed e) {
            failed(task, e.failure(), e.worker(), e.attempts(), start);
        }
    }

    // One attempt streams the task's whole output into a spool of its own.
    private TaskSpool spool(TaskStream task, String worker, TaskAttempts.Progress progress, AtomicLong spoolMemory) throws Exception {
        TaskSpool spool = new TaskSpool(spoolMemory, allocator);
        try (FlightStream call = clients.to(worker).getStream(new Ticket(task.ticket()), CallOptions.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS))) {
            progress.onCancel(() -> call.cancel("task attempt no longer needed", null));
            schema.complete(call.getSchema());
            progress.made();
            while (!progress.cancelled() && call.next()) {
                spool.add(new VectorUnloader(call.getRoot()).getRecordBatch());
                progress.made();
            }
            return spool;
        } catch (Exception e) {
            spool.close();
            throw e;
        }
    }

    private static void closeQuietly(TaskSpool spool) {
        try {
            spool.close();
        } catch (IOException e) {
            LOG.warn("Could not delete a dropped task output: {}", e.getMessage());
        }
    }

    private void failed(TaskStream task, RuntimeException cause, String worker, int attempts, long start) {
        PuffinException typed = TaskFailures.of(task.spec().taskId(), cause);
        statsSink.accept(TaskStats.failed(task, worker, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), attempts));
        failure.compareAndSet(null, typed);
        schema.completeExceptionally(cause);
        if (!TaskFailures.retryable(typed)) {
            // The caller's mistake fails the query at once: the other tasks are stopped, not left to finish or retry.
            LOG.info("Task {} failed with the caller's error, stopping the other tasks: {}", task.spec().taskId(), typed.getMessage());
            abort();
            return;
        }
        try {
            offer(new TaskFailure(task, cause));
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
        runs.forEach(TaskAttempts::cancel);
    }

    @Override
    public Optional<PuffinException> failure() {
        return Optional.ofNullable(failure.get());
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    @Override
    protected void closeReadSource() {
        closed.set(true);
        runs.forEach(TaskAttempts::cancel);
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
