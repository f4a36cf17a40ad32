package io.puffindb.web;

import io.puffindb.executors.QueryProgress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which user started each query, running or recently finished: another user's query is neither
 * listed nor shown nor cancellable for them (as if it did not exist), but is for an admin.
 */
final class QueryOwners {
    // Well above the running queries and the finished ones whose plans are kept (ActiveQueries).
    private static final int KEPT = 4096;

    private final Map<String, String> owners = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    });

    void started(String queryId, Caller caller) {
        owners.put(queryId, caller.name());
    }

    /** Those of {@code queries} the caller may see. */
    List<QueryProgress> visibleAmong(List<QueryProgress> queries, Caller caller) {
        return queries.stream().filter(query -> visible(query.queryId(), caller)).toList();
    }

    /** Whether {@code caller} may see or cancel the query; false for a query nobody started. */
    boolean visible(String queryId, Caller caller) {
        String owner = owners.get(queryId);
        return owner != null && caller.mayAct(owner);
    }
}
