package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Who may reach the HTTP service and how: the address it listens on ({@code 127.0.0.1} unless told),
 * its users' tokens ({@code authToken}: one {@code [user:]token[:admin]}, e.g. from
 * {@code PUFFINDB_AUTH_TOKEN}; {@code authTokenFile}: one such line per user; empty: none), the
 * {@code Host} names it answers besides its own, and the origins a browser may call it from.
 */
public record HttpSettings(String bind, String authToken, String authTokenFile, List<String> allowedHosts, List<String> corsOrigins) {
    public HttpSettings {
        requireNonNull(bind, "bind is null");
        requireNonNull(authToken, "authToken is null");
        requireNonNull(authTokenFile, "authTokenFile is null");
        allowedHosts = List.copyOf(allowedHosts);
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** What a client of the service sends: the credential {@code authToken} names ({@code PUFFINDB_AUTH_TOKEN}), if any. */
    public Optional<Credential> credential() {
        return authToken.isBlank() ? Optional.empty() : Optional.of(Credential.parse(authToken));
    }

    /** Loopback only, no users, no other hosts or origins: the embedded default. */
    public static HttpSettings loopback() {
        return new HttpSettings("127.0.0.1", "", "", List.of(), List.of());
    }

    public HttpSettings withBind(String address) {
        return new HttpSettings(address, authToken, authTokenFile, allowedHosts, corsOrigins);
    }

    public HttpSettings withAuthTokenFile(String file) {
        return new HttpSettings(bind, authToken, file, allowedHosts, corsOrigins);
    }

    public HttpSettings withAuthToken(String token) {
        return new HttpSettings(bind, token, authTokenFile, allowedHosts, corsOrigins);
    }

    public HttpSettings withCorsOrigins(List<String> origins) {
        return new HttpSettings(bind, authToken, authTokenFile, allowedHosts, origins);
    }
}
