package io.puffindb.web.flightsql;

import java.util.Optional;

/**
 * Checks the {@code Authorization} header of a call as the HTTP API does: the user whose bearer token it
 * carries, empty when the header is missing or unknown. With no users configured every call is the local user's.
 */
@FunctionalInterface
public interface BearerTokens {
    Optional<String> userOf(String authorizationHeader);
}
