package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.ActiveQueries;
import io.puffindb.executors.QueryHandle;
import io.puffindb.web.flightsql.QueryListing;

/** Flight SQL's queries among the HTTP API's running queries, owned by the user whose token started them. */
final class ListedQueries implements QueryListing {
    private final ActiveQueries active;
    private final QueryOwners owners;

    ListedQueries(ActiveQueries active, QueryOwners owners) {
        this.active = requireNonNull(active, "active is null");
        this.owners = requireNonNull(owners, "owners is null");
    }

    @Override
    public void started(String queryId, String user, QueryHandle handle) {
        // Its owner first, as the HTTP API does: a listed query is always someone's.
        owners.started(queryId, user.equals(Caller.LOCAL.name()) ? Caller.LOCAL : new Caller(user, false));
        active.add(queryId, handle);
    }

    @Override
    public void ended(String queryId) {
        active.remove(queryId);
    }
}
