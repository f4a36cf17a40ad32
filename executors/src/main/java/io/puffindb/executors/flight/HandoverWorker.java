package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import io.grpc.Context;
import io.puffindb.executors.fragment.TaskSpec;
import io.puffindb.lake.store.ObjectStores;
import io.puffindb.registry.Registry;
import java.time.Duration;
import java.util.Optional;
import org.apache.arrow.flight.CallStatus;

/**
 * The engine's side of a handover, whoever asks for it — the Flight action {@value TaskHandover#ACTION}
 * of a worker, or a serverless function's invocation: runs the task of a signed handover ticket to
 * its end into an Arrow IPC stream, then hands it over by size — into the Registry, or spilled to
 * the object store — counts it complete in its stage, and answers where it went.
 */
public final class HandoverWorker {
    private final TaskTickets tickets;
    private final Optional<Registry> registry;
    private final ObjectStores stores;
    private final TaskRunner runner;
    private final TaskUsages usages;

    HandoverWorker(TaskTickets tickets, Optional<Registry> registry, ObjectStores stores, TaskRunner runner, TaskUsages usages) {
        this.tickets = requireNonNull(tickets, "tickets is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.stores = requireNonNull(stores, "stores is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.usages = requireNonNull(usages, "usages is null");
    }

    /** How an engine runs a task into an output; answers the rows it produced. */
    interface TaskRunner {
        long run(TaskSpec task, TaskOutput output) throws Exception;
    }

    /**
     * Runs the task of {@code signedTicket} and hands its output over. A refused ticket, or the task's
     * failure, is thrown as the Flight status a worker would answer ({@link TaskErrorStatus} for the task's own).
     */
    public TaskHandover.Outcome handOver(byte[] signedTicket) throws Exception {
        TaskTicket ticket = tickets.verify(signedTicket);
        Registry shared = registry.orElseThrow(() -> CallStatus.UNAVAILABLE
                .withDescription("This worker has no shared Registry to hand task outputs over; start it with --registry redis://...").toRuntimeException());
        TaskSpec task = ticket.task();
        TaskHandover.Stage stage = Optional.ofNullable(ticket.stage()).orElseThrow(() -> CallStatus.INVALID_ARGUMENT
                .withDescription("The ticket of task " + task.taskId() + " streams its rows; it does not hand them over").toRuntimeException());
        SpillingOutputStream out = new SpillingOutputStream(stage.smallResultBytes(), stage.maxSpillBytes(), HandoverFolder.OF_THIS_PROCESS);
        try {
            long rows = runner.run(task, TaskOutput.ipc(out));
            out.close();
            if (Context.current().isCancelled()) {
                throw CallStatus.CANCELLED.withDescription("Task " + task.taskId() + " was cancelled").toRuntimeException();
            }
            String where;
            if (out.inMemory().isPresent()) {
                shared.putResult(TaskHandover.resultKey(task), out.inMemory().get(), Duration.ofMillis(stage.ttlMillis()));
                where = TaskStats.REGISTRY;
            } else {
                String uri = TaskHandover.spillUri(stage.spillFolder(), task);
                stores.forLocation(uri).upload(out.spilled().orElseThrow(), uri);
                where = TaskStats.SPILL;
            }
            shared.completeTask(stage.stageId(), task.taskId());
            return new TaskHandover.Outcome(where, out.size(), rows, usages.take(task).orElse(null));
        } finally {
            out.discard();
        }
    }
}
