package io.puffindb.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/** The last {@code bound} queries that ended, newest first, in memory: what {@code GET /v1/queries?state=finished} lists. */
final class QueryHistory {
    private final int bound;
    private final Deque<FinishedQuery> queries = new ArrayDeque<>();

    QueryHistory(int bound) {
        this.bound = bound;
    }

    synchronized void add(FinishedQuery query) {
        if (bound == 0) {
            return;
        }
        queries.addFirst(query);
        while (queries.size() > bound) {
            queries.removeLast();
        }
    }

    /** Up to {@code limit} of the newest the caller may see ({@code failedOnly}: only failed ones); an admin sees everyone's. */
    synchronized List<FinishedQuery> newest(Caller caller, boolean failedOnly, int limit) {
        List<FinishedQuery> found = new ArrayList<>();
        for (Iterator<FinishedQuery> it = queries.iterator(); it.hasNext() && found.size() < limit;) {
            FinishedQuery query = it.next();
            if (caller.mayAct(query.user()) && (!failedOnly || query.failed())) {
                found.add(query);
            }
        }
        return found;
    }
}
