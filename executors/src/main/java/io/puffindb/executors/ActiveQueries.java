package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The queries running now, by id: their progress for whoever watches, and a way to cancel them. */
public final class ActiveQueries {
    private final Map<String, RunningQuery> running = new ConcurrentHashMap<>();

    public void add(String queryId, RunningQuery query) {
        if (running.putIfAbsent(requireNonNull(queryId, "queryId is null"), query) != null) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "A query with id " + queryId + " is already running");
        }
    }

    public void remove(String queryId) {
        running.remove(queryId);
    }

    public Optional<QueryProgress> progress(String queryId) {
        return Optional.ofNullable(running.get(queryId)).map(query -> query.progress(queryId));
    }

    public List<QueryProgress> all() {
        return running.entrySet().stream()
                .map(entry -> entry.getValue().progress(entry.getKey()))
                .sorted(Comparator.comparing(QueryProgress::elapsedMillis).reversed())
                .toList();
    }

    /** Cancels the query on the MONOSTORE and, through its closed streams, on every worker; false if it is not running. */
    public boolean cancel(String queryId) {
        RunningQuery query = running.get(queryId);
        if (query == null) {
            return false;
        }
        query.cancel();
        return true;
    }
}
