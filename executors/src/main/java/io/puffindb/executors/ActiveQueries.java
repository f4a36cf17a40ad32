package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The queries running now, by id: their progress for whoever watches, and a way to cancel them; and
 * the plans of the last few finished ones with what their tasks did (the page draws them after the run).
 */
public final class ActiveQueries {
    private static final int FINISHED_KEPT = 32;

    private final Map<String, QueryHandle> running = new ConcurrentHashMap<>();
    private final Map<String, Explanation> finished = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Explanation> eldest) {
            return size() > FINISHED_KEPT;
        }
    });

    public void add(String queryId, QueryHandle query) {
        if (running.putIfAbsent(requireNonNull(queryId, "queryId is null"), query) != null) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "A query with id " + queryId + " is already running");
        }
    }

    /** The query ended (read to its end, failed or cancelled): its plan and actuals are kept a while. */
    public void remove(String queryId) {
        QueryHandle query = running.remove(queryId);
        if (query != null) {
            query.explanation().ifPresent(explanation -> finished.put(queryId, explanation));
        }
    }

    /** The plan of a running or recently finished query, with what its tasks did so far. */
    public Optional<Explanation> plan(String queryId) {
        QueryHandle query = running.get(queryId);
        return query != null ? query.explanation() : Optional.ofNullable(finished.get(queryId));
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

    /** Cancels the query (while it is planned, or on the MONOSTORE and, through its closed streams, on every worker); false if it is not running. */
    public boolean cancel(String queryId) {
        QueryHandle query = running.get(queryId);
        if (query == null) {
            return false;
        }
        query.cancel();
        return true;
    }
}
