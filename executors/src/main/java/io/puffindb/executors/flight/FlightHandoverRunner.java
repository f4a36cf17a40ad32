package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.List;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.Result;

/** Runs a handover task on a worker through its Flight action {@value TaskHandover#ACTION}, trying its workers in order of preference. */
public final class FlightHandoverRunner implements HandoverRunner {
    private final FlightClients clients;

    public FlightHandoverRunner(FlightClients clients) {
        this.clients = requireNonNull(clients, "clients is null");
    }

    @Override
    public List<String> targets(TaskStream task) {
        return task.workerLocations();
    }

    @Override
    public TaskHandover.Outcome run(String worker, byte[] handoverTicket) {
        Iterator<Result> answer = clients.to(worker).doAction(new Action(TaskHandover.ACTION, handoverTicket));
        TaskHandover.Outcome outcome = TaskHandover.Outcome.fromBytes(answer.next().getBody());
        answer.forEachRemaining(ignored -> { });
        return outcome;
    }
}
