package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.QueryHandle;
import io.puffindb.web.flightsql.QueryListing;
import java.util.Optional;

/** Flight SQL's queries among the HTTP API's, running and ended, owned by the user whose token started them. */
final class ListedQueries implements QueryListing {
    private final QueryTracker tracker;

    ListedQueries(QueryTracker tracker) {
        this.tracker = requireNonNull(tracker, "tracker is null");
    }

    @Override
    public void started(String queryId, String user, QueryHandle handle) {
        tracker.started(queryId, user.equals(Caller.LOCAL.name()) ? Caller.LOCAL : new Caller(user, false), handle);
    }

    @Override
    public void ended(String queryId, Optional<? extends Exception> failure) {
        tracker.ended(queryId, failure);
    }
}
