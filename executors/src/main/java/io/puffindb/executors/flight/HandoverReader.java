package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import io.grpc.Context;
import io.puffindb.executors.fragment.TaskSpec;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.store.ObjectStore;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.lake.store.StoredObject;
import io.puffindb.registry.Registry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer side of a handover: every task is asked to run to its end and hand its output over
 * (Registry or object store, by size); reading starts only when the Registry counts the whole stage
 * complete, then each task's Arrow IPC output is read in turn. A task whose worker fails is run on
 * the next one — always safe here, since nothing of it was read yet — unless the failure is the
 * caller's (its type came with the worker's status): then the query stops at once.
 */
public final class HandoverReader extends ArrowReader implements TaskReader {
    private static final Logger LOG = LoggerFactory.getLogger(HandoverReader.class);
    private static final long POLL_MILLIS = 20;

    private final List<TaskStream> tasks;
    private final HandoverRunner runner;
    private final Registry registry;
    private final ObjectStores stores;
    private final TaskHandover.Stage stage;
    private final SpillBudget spillBudget;
    private final Duration timeout;
    private final Consumer<TaskStats> statsSink;
    private final List<Future<?>> runs;
    // Cancelling it cancels every task's call: the workers see their calls end and stop their statements.
    private final Context.CancellableContext calls = Context.current().withCancellation();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<PuffinException> failure = new AtomicReference<>();
    private final Object progress = new Object();
    private Iterator<TaskStream> unread;
    private ArrowStreamReader current;
    private Path currentSpill;
    private long bytes;

    public HandoverReader(BufferAllocator allocator, List<TaskStream> tasks, HandoverRunner runner, ExecutorService pool, Duration timeout,
            Consumer<TaskStats> statsSink, Registry registry, ObjectStores stores, TaskHandover.Stage stage, SpillBudget spillBudget) {
        super(allocator);
        this.tasks = List.copyOf(tasks);
        this.runner = requireNonNull(runner, "runner is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.stores = requireNonNull(stores, "stores is null");
        this.stage = requireNonNull(stage, "stage is null");
        this.spillBudget = requireNonNull(spillBudget, "spillBudget is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.statsSink = requireNonNull(statsSink, "statsSink is null");
        registry.startStage(stage.stageId(), tasks.size());
        this.runs = tasks.stream().<Future<?>>map(task -> pool.submit(() -> run(task))).toList();
    }

    private void run(TaskStream task) {
        long start = System.nanoTime();
        RuntimeException lastFailure = null;
        String lastWorker = null;
        int attempt = 0;
        byte[] request = task.handoverTicket(stage);
        for (String worker : runner.targets(task)) {
            attempt++;
            lastWorker = worker;
            try {
                TaskHandover.Outcome outcome = runOn(worker, request);
                if (outcome.where().equals(TaskStats.SPILL)) {
                    spillBudget.spent(task.spec().taskId(), outcome.bytes());
                }
                statsSink.accept(new TaskStats(task.spec().taskId(), worker, task.splits(), task.bytesIn(), outcome.rows(), outcome.bytes(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), attempt, outcome.cache(), outcome.where()));
                wake();
                return;
            } catch (PuffinException e) {
                lastFailure = e; // over the spill budget: no other worker would do better
                break;
            } catch (RuntimeException e) {
                lastFailure = e;
                if (closed.get()) {
                    return;
                }
                if (!TaskFailures.retryable(TaskFailures.of(task.spec().taskId(), e))) {
                    break; // the caller's mistake: any worker would fail the same way
                }
                LOG.warn("Task {} failed on worker {} (attempt {}): {}", task.spec().taskId(), worker, attempt, e.getMessage());
            }
        }
        PuffinException typed = TaskFailures.of(task.spec().taskId(), lastFailure);
        statsSink.accept(TaskStats.failed(task, lastWorker, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), attempt));
        failure.compareAndSet(null, typed);
        if (!TaskFailures.retryable(typed)) {
            // The caller's mistake fails the query at once: the stage's other tasks are stopped on their workers.
            LOG.info("Task {} failed with the caller's error, stopping the stage's other tasks: {}", task.spec().taskId(), typed.getMessage());
            stopTasks();
        }
        wake();
    }

    // The call is made inside the stage's cancellable context, so abort() ends it on the worker too.
    private TaskHandover.Outcome runOn(String worker, byte[] request) {
        Context previous = calls.attach();
        try {
            return runner.run(worker, request);
        } finally {
            calls.detach(previous);
        }
    }

    private void wake() {
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    // The reduce starts when the Registry says every map task completed; a finishing task wakes the check early.
    // The Registry's count reaches 0 as the last worker finishes, a moment before its answer (rows,
    // bytes, files read) arrives here: the reduce also waits for every answer, so none is left out of
    // the query's statistics and promotion.
    private void awaitStage() throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (registry.remainingTasks(stage.stageId()) > 0 || !runs.stream().allMatch(Future::isDone)) {
                PuffinException failed = failure.get();
                if (failed != null) {
                    throw new IOException(failed.getMessage(), failed);
                }
                if (closed.get()) {
                    throw new IOException("The query was cancelled");
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("The stage did not complete within " + timeout);
                }
                synchronized (progress) {
                    progress.wait(POLL_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    protected Schema readSchema() throws IOException {
        awaitStage();
        unread = tasks.iterator();
        if (!openNext()) {
            throw new IOException("A stage without tasks has no schema");
        }
        return current.getVectorSchemaRoot().getSchema();
    }

    // Opens the next task's output: its bytes from the Registry, or its spilled file from the object store.
    private boolean openNext() throws IOException {
        closeCurrent();
        if (!unread.hasNext()) {
            return false;
        }
        TaskSpec task = unread.next().spec();
        Optional<byte[]> small = registry.result(TaskHandover.resultKey(task));
        InputStream in;
        if (small.isPresent()) {
            in = new ByteArrayInputStream(small.get());
        } else {
            in = openSpill(task);
        }
        current = new ArrowStreamReader(in, allocator);
        current.getVectorSchemaRoot();
        return true;
    }

    // A local spill is read where it lies; a remote one is copied to a temporary file first.
    private InputStream openSpill(TaskSpec task) throws IOException {
        String uri = TaskHandover.spillUri(stage.spillFolder(), task);
        ObjectStore store = stores.forLocation(uri);
        StoredObject spilled = store.stat(uri)
                .orElseThrow(() -> new IOException("Task " + task.taskId() + " left no output (its Registry entry may have expired)"));
        if (store.isLocal()) {
            return Files.newInputStream(Path.of(ObjectStores.location(uri)));
        }
        Path folder = Files.createTempDirectory("puffindb-handover-");
        currentSpill = folder.resolve("spill.arrows");
        store.download(spilled, currentSpill);
        return Files.newInputStream(currentSpill);
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        prepareLoadNextBatch();
        while (current != null) {
            if (current.loadNextBatch()) {
                try (ArrowRecordBatch batch = new VectorUnloader(current.getVectorSchemaRoot()).getRecordBatch()) {
                    bytes += batch.computeBodyLength();
                    loadRecordBatch(batch);
                }
                return true;
            }
            if (!openNext()) {
                return false;
            }
        }
        return false;
    }

    private void closeCurrent() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
        if (currentSpill != null) {
            Files.deleteIfExists(currentSpill);
            Files.deleteIfExists(currentSpill.getParent());
            currentSpill = null;
        }
    }

    /** Stops waiting (the tasks' calls are cancelled, so the workers stop; tasks not started never start) and wakes whoever reads. */
    @Override
    public void abort() {
        closed.set(true);
        stopTasks();
        wake();
    }

    // Retries stop too: a task whose call is cancelled sees the reader closed and does not try another worker.
    private void stopTasks() {
        closed.set(true);
        calls.cancel(null);
        runs.forEach(run -> run.cancel(true));
    }

    @Override
    public Optional<PuffinException> failure() {
        return Optional.ofNullable(failure.get());
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    // Nothing is left behind: the Registry's results and stage, the spilled objects.
    @Override
    protected void closeReadSource() throws IOException {
        abort();
        closeCurrent();
        List<String> leftovers = new ArrayList<>();
        for (TaskStream task : tasks) {
            try {
                registry.deleteResult(TaskHandover.resultKey(task.spec()));
                // Deleting a spill that was never written is not an error: no need to look first.
                String uri = TaskHandover.spillUri(stage.spillFolder(), task.spec());
                stores.forLocation(uri).delete(uri);
            } catch (RuntimeException e) {
                leftovers.add(task.spec().taskId() + ": " + e.getMessage());
            }
        }
        tasks.stream().findFirst().ifPresent(task -> SpillFolder.removeQueryFolder(stores, stage.spillFolder(), task.spec().queryId()));
        try {
            registry.endStage(stage.stageId());
        } catch (RuntimeException e) {
            leftovers.add("stage " + stage.stageId() + ": " + e.getMessage());
        }
        if (!leftovers.isEmpty()) {
            LOG.warn("Handover leftovers not cleaned: {}", leftovers);
        }
    }
}
