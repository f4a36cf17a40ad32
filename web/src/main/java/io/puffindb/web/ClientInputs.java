package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.PreparedQuery;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's part of plans split with a client: each input of a client's plan is held here under
 * a token from planning until the client asks for its rows (once), or until {@code ttl} passes, so a
 * client that never comes back costs nothing but the plan's memory for a while. An input is its
 * planner's: to another user it does not exist.
 */
final class ClientInputs {
    private final Duration ttl;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    private record Held(PreparedQuery query, String owner, long expiresAtNanos) {
    }

    ClientInputs(Duration ttl) {
        this.ttl = requireNonNull(ttl, "ttl is null");
    }

    String hold(PreparedQuery query, Caller owner) {
        dropExpired();
        String token = UUID.randomUUID().toString();
        held.put(token, new Held(query, owner.name(), System.nanoTime() + ttl.toNanos()));
        return token;
    }

    PreparedQuery take(String token, Caller caller) {
        dropExpired();
        Held taken = held.get(token);
        // remove(key, value) lets only one of two concurrent takers have it.
        if (taken == null || !caller.mayAct(taken.owner()) || !held.remove(token, taken)) {
            throw new PuffinException(ErrorCode.NOT_FOUND, "No client input '" + token + "': it was read already, or not within "
                    + ttl.toSeconds() + " s of planning");
        }
        return taken.query();
    }

    private void dropExpired() {
        long now = System.nanoTime();
        held.values().removeIf(entry -> now - entry.expiresAtNanos() > 0);
    }
}
