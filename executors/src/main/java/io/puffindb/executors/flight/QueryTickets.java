package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.fragment.TaskSpec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The tickets of one query, signed by the MONOSTORE that runs it and good until the query's
 * deadline. Ending it (when the query closes) tells every worker the query may have used that its
 * tickets are void, so a ticket replayed after its query ended is refused before its deadline too.
 */
public final class QueryTickets {
    private final TaskTickets issuer;
    private final String queryId;
    private final long expiresAtMillis;
    private final List<String> workers;
    private final AtomicBoolean issued = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();

    QueryTickets(TaskTickets issuer, String queryId, long expiresAtMillis, List<String> workers) {
        this.issuer = requireNonNull(issuer, "issuer is null");
        this.queryId = requireNonNull(queryId, "queryId is null");
        this.expiresAtMillis = expiresAtMillis;
        this.workers = List.copyOf(workers);
    }

    /** A ticket that streams {@code task}'s rows to whoever presents it. */
    public byte[] stream(TaskSpec task) {
        return issuer.sign(new TaskTicket(ownTask(task), null, null, TaskTicket.WHOLE, expiresAtMillis));
    }

    /** A ticket that runs {@code task} once on the engine given it and keeps its output there, dealt by key as {@code shuffle} says. */
    public byte[] shuffleWrite(TaskSpec task, Shuffle shuffle) {
        return issuer.sign(new TaskTicket(ownTask(task), null, requireNonNull(shuffle, "shuffle is null"), TaskTicket.WHOLE, expiresAtMillis));
    }

    /** A ticket that streams part {@code partition} of {@code task}'s shuffled output (the engine runs the task first if it holds no output of it). */
    public byte[] shufflePart(TaskSpec task, Shuffle shuffle, int partition) {
        return issuer.sign(new TaskTicket(ownTask(task), null, requireNonNull(shuffle, "shuffle is null"), partition, expiresAtMillis));
    }

    /** A ticket that runs {@code task} to its end and hands its output over as {@code stage} says. */
    public byte[] handover(TaskSpec task, TaskHandover.Stage stage) {
        return issuer.sign(new TaskTicket(ownTask(task), requireNonNull(stage, "stage is null"), null, TaskTicket.WHOLE, expiresAtMillis));
    }

    private TaskSpec ownTask(TaskSpec task) {
        if (!task.queryId().equals(queryId)) {
            throw new IllegalArgumentException("Task " + task.taskId() + " is of query " + task.queryId() + ", not " + queryId);
        }
        issued.set(true);
        return task;
    }

    /**
     * Voids the query's tickets here and on its workers; completes when every worker has answered (or
     * failed to). A query that issued no ticket (it ran on the MONOSTORE alone) tells nobody.
     */
    public CompletableFuture<Void> end() {
        if (!ended.compareAndSet(false, true) || !issued.get()) {
            return CompletableFuture.completedFuture(null);
        }
        return issuer.end(queryId, expiresAtMillis, workers);
    }
}
