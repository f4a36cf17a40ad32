package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one task on its workers, in their order of preference, until one attempt finishes. An attempt
 * that fails (its worker died or went away, before or after its first row) is dropped and the task
 * goes to the next worker; an attempt that makes no progress within the query's
 * {@link StragglerWatch} (a frozen or straggling worker) is left running while the task also runs on
 * the next worker: the first attempt to finish wins and the others are cancelled, their results
 * dropped. A failure that is the caller's fails the task at once: no worker would do better.
 *
 * @param <R> what an attempt yields (a spooled output, a shuffle's outcome)
 */
final class TaskAttempts<R> {
    private static final Logger LOG = LoggerFactory.getLogger(TaskAttempts.class);
    private static final long POLL_MILLIS = 100;

    /** One worker's run of the task. */
    interface Attempt<R> {
        R run(String worker, Progress progress) throws Exception;
    }

    /** What an attempt tells its task, and how the task stops it. */
    interface Progress {
        /** Some progress was made (a batch arrived): the attempt is not stalled. */
        void made();

        /** Whether the attempt is no longer wanted. */
        boolean cancelled();

        /** How to stop the attempt's work (run at once if it is already cancelled). */
        void onCancel(Runnable stop);
    }

    private final TaskStream task;
    private final ExecutorService pool;
    private final StragglerWatch watch;
    private final Attempt<R> attempt;
    private final Consumer<R> drop;
    private final BooleanSupplier stopped;
    private final BlockingQueue<Running> ended = new LinkedBlockingQueue<>();
    private final List<Running> running = new CopyOnWriteArrayList<>();
    private boolean abandoned; // guarded by this: attempts ending after it have their results dropped

    /**
     * @param drop what releases the result of an attempt that lost
     * @param stopped whether the task's consumer stopped (then the task stops too)
     */
    TaskAttempts(TaskStream task, ExecutorService pool, StragglerWatch watch, Attempt<R> attempt, Consumer<R> drop, BooleanSupplier stopped) {
        this.task = requireNonNull(task, "task is null");
        this.pool = requireNonNull(pool, "pool is null");
        this.watch = requireNonNull(watch, "watch is null");
        this.attempt = requireNonNull(attempt, "attempt is null");
        this.drop = requireNonNull(drop, "drop is null");
        this.stopped = requireNonNull(stopped, "stopped is null");
    }

    /** The winning attempt's result, now the caller's, with its worker and how many attempts were started. */
    record Finished<R>(R result, String worker, int attempts) {
    }

    /** The task failed on the last worker tried, or with the caller's error. */
    static final class Failed extends Exception {
        private final RuntimeException failure;
        private final String worker;
        private final int attempts;

        Failed(RuntimeException failure, String worker, int attempts) {
            super(failure.getMessage(), failure);
            this.failure = failure;
            this.worker = worker;
            this.attempts = attempts;
        }

        RuntimeException failure() {
            return failure;
        }

        String worker() {
            return worker;
        }

        int attempts() {
            return attempts;
        }
    }

    /** Runs the task to its end; empty when its consumer stopped first. */
    Optional<Finished<R>> run() throws Failed, InterruptedException {
        Deque<String> untried = new ArrayDeque<>(watch.order(task.workerLocations()));
        int attempts = 0;
        try {
            start(untried.poll());
            attempts++;
            while (!stopped.getAsBoolean()) {
                Running done = ended.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (done == null) {
                    if (!untried.isEmpty() && running.stream().allMatch(run -> run.stalledNanos() > watch.stallNanos())) {
                        running.forEach(run -> watch.stalled(run.worker));
                        LOG.warn("Task {} made no progress on {} within {} ms: running it on {} as well", task.spec().taskId(),
                                running.stream().map(run -> run.worker).toList(), TimeUnit.NANOSECONDS.toMillis(watch.stallNanos()), untried.peek());
                        start(untried.poll());
                        attempts++;
                    }
                    continue;
                }
                running.remove(done);
                if (done.failure == null) {
                    watch.finished(System.nanoTime() - done.started);
                    return Optional.of(new Finished<>(done.result, done.worker, attempts));
                }
                if (stopped.getAsBoolean()) {
                    break;
                }
                if (!TaskFailures.retryable(TaskFailures.of(task.spec().taskId(), done.failure))) {
                    throw new Failed(done.failure, done.worker, attempts);
                }
                LOG.warn("Task {} failed on worker {} (attempt {}): {}", task.spec().taskId(), done.worker, attempts, done.failure.getMessage());
                if (running.isEmpty()) {
                    if (untried.isEmpty()) {
                        throw new Failed(done.failure, done.worker, attempts);
                    }
                    start(untried.poll());
                    attempts++;
                }
            }
            return Optional.empty();
        } finally {
            abandon();
        }
    }

    /** Cancels the attempts still running (their workers see their calls end). */
    void cancel() {
        running.forEach(Running::cancel);
    }

    private void start(String worker) {
        Running run = new Running(worker);
        running.add(run);
        pool.submit(run);
    }

    private void abandon() {
        synchronized (this) {
            abandoned = true;
        }
        cancel();
        Running late;
        while ((late = ended.poll()) != null) {
            late.dropResult();
        }
    }

    private void ended(Running run) {
        synchronized (this) {
            if (!abandoned) {
                ended.add(run);
                return;
            }
        }
        run.dropResult();
    }

    private final class Running implements Runnable, Progress {
        private final String worker;
        private final long started = System.nanoTime();
        private volatile long lastProgress = started;
        private volatile boolean cancelled;
        private volatile Runnable stop;
        // Written before the attempt is queued as ended, read after.
        private R result;
        private RuntimeException failure;

        Running(String worker) {
            this.worker = worker;
        }

        @Override
        public void run() {
            try {
                result = attempt.run(worker, this);
                if (cancelled) {
                    dropResult();
                    failure = new IllegalStateException("Attempt on " + worker + " cancelled");
                }
            } catch (Exception e) {
                failure = e instanceof RuntimeException runtime ? runtime : new RuntimeException(e);
            }
            ended(this);
        }

        @Override
        public void made() {
            lastProgress = System.nanoTime();
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        @Override
        public void onCancel(Runnable stop) {
            this.stop = stop;
            if (cancelled) {
                stopQuietly(stop);
            }
        }

        long stalledNanos() {
            return System.nanoTime() - lastProgress;
        }

        void cancel() {
            cancelled = true;
            Runnable hook = stop;
            if (hook != null) {
                stopQuietly(hook);
            }
        }

        void dropResult() {
            if (result != null) {
                drop.accept(result);
                result = null;
            }
        }

        private void stopQuietly(Runnable hook) {
            try {
                hook.run();
            } catch (RuntimeException ignored) {
                // the attempt ended on its own meanwhile
            }
        }
    }
}
