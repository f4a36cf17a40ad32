package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import io.grpc.Context;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.CallOptions;
import org.apache.arrow.flight.Result;

/**
 * The producing side of a shuffle, driven from the MONOSTORE: each producer task runs once, on a
 * worker that keeps its output dealt by key ({@value #ACTION}); consumers then fetch their part from
 * wherever each output lives ({@link #parts}). A producer whose worker fails or stalls is run on the
 * next worker ({@link TaskAttempts}); the caller's error stops the whole shuffle at once.
 */
public final class ShuffleMap {
    public static final String ACTION = "shuffle-write";

    private final FlightClients clients;
    private final ExecutorService pool;
    private final Duration timeout;
    private final StragglerWatch watch;
    private final Consumer<TaskStats> statsSink;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<TaskAttempts<TaskHandover.Outcome>> runs = new ArrayList<>();

    public ShuffleMap(FlightClients clients, ExecutorService pool, Duration timeout, StragglerWatch watch, Consumer<TaskStats> statsSink) {
        this.clients = requireNonNull(clients, "clients is null");
        this.pool = requireNonNull(pool, "pool is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.watch = requireNonNull(watch, "watch is null");
        this.statsSink = requireNonNull(statsSink, "statsSink is null");
    }

    /** A producer task's output, held by {@code worker}. */
    public record Output(TaskStream task, String worker) {
    }

    /** Runs every producer (in parallel) and answers where each one's output lives, in the producers' order. */
    public List<Output> run(List<TaskStream> producers, Shuffle shuffle) {
        List<Future<Output>> outputs = new ArrayList<>();
        for (TaskStream producer : producers) {
            byte[] ticket = producer.tickets().shuffleWrite(producer.spec(), shuffle);
            TaskAttempts<TaskHandover.Outcome> run = new TaskAttempts<>(producer, pool, watch, (worker, progress) -> write(worker, ticket, progress),
                    ignored -> { }, stopped::get);
            synchronized (runs) {
                runs.add(run);
            }
            outputs.add(pool.submit(() -> runOne(producer, run)));
        }
        List<Output> written = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Future<Output> output : outputs) {
                written.add(output.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return written;
        } catch (ExecutionException e) {
            stop();
            throw e.getCause() instanceof PuffinException known ? known
                    : new PuffinException(ErrorCode.INTERNAL_ERROR, "Shuffle failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            stop();
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, "The shuffle's producers did not finish within " + timeout, e);
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            throw new PuffinException(ErrorCode.INTERNAL_ERROR, "Interrupted while shuffling", e);
        }
    }

    /** The tickets that stream part {@code partition} of every output, each from the worker that holds it. */
    public static List<Part> parts(List<Output> outputs, Shuffle shuffle, int partition) {
        return outputs.stream().map(output -> new Part(output.worker(),
                output.task().tickets().shufflePart(output.task().spec(), shuffle, partition))).toList();
    }

    /** Where to fetch one part, with what ticket. */
    public record Part(String location, byte[] ticket) {
    }

    /** Stops every producer still running (their calls are cancelled, so the workers stop too). */
    public void stop() {
        stopped.set(true);
        synchronized (runs) {
            runs.forEach(TaskAttempts::cancel);
        }
    }

    private Output runOne(TaskStream producer, TaskAttempts<TaskHandover.Outcome> run) throws Exception {
        long start = System.nanoTime();
        try {
            Optional<TaskAttempts.Finished<TaskHandover.Outcome>> finished = run.run();
            if (finished.isEmpty()) {
                throw new PuffinException(ErrorCode.INTERNAL_ERROR, "The shuffle was stopped");
            }
            TaskHandover.Outcome outcome = finished.get().result();
            statsSink.accept(new TaskStats(producer.spec().taskId(), finished.get().worker(), producer.splits(), producer.bytesIn(), outcome.rows(),
                    outcome.bytes(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), finished.get().attempts(), outcome.cache(), TaskStats.SHUFFLE));
            return new Output(producer, finished.get().worker());
        } catch (TaskAttempts.Failed e) {
            statsSink.accept(TaskStats.failed(producer, e.worker(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), e.attempts()));
            PuffinException typed = TaskFailures.of(producer.spec().taskId(), e.failure());
            if (!TaskFailures.retryable(typed)) {
                stop(); // the caller's mistake: the other producers would only fail the same way
            }
            throw typed;
        }
    }

    // The call runs inside a cancellable context of its own, so a cancelled attempt ends on its worker too.
    private TaskHandover.Outcome write(String worker, byte[] ticket, TaskAttempts.Progress progress) {
        Context.CancellableContext call = Context.current().withCancellation();
        progress.onCancel(() -> call.cancel(null));
        Context previous = call.attach();
        try {
            Iterator<Result> answer = clients.to(worker).doAction(new Action(ACTION, ticket), CallOptions.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
            TaskHandover.Outcome outcome = TaskHandover.Outcome.fromBytes(answer.next().getBody());
            answer.forEachRemaining(ignored -> { });
            return outcome;
        } finally {
            call.detach(previous);
            call.cancel(null);
        }
    }
}
