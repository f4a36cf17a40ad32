package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Who may reach the HTTP service and how: the address it listens on ({@code 127.0.0.1} unless told),
 * its users' tokens ({@code authToken}: one {@code [user:]token[:admin]}, e.g. from
 * {@code PUFFINDB_AUTH_TOKEN}; {@code authTokenFile}: one such line per user; empty: none), the
 * {@code Host} names it answers besides its own, the origins a browser may call it from, and the PEM
 * files of its TLS certificate and key (empty: plain HTTP), and the port of its Arrow Flight SQL endpoint
 * ({@code flightSqlPort}: same address, same users; 0: any free port; negative: none).
 */
public record HttpSettings(String bind, String authToken, String authTokenFile, List<String> allowedHosts, List<String> corsOrigins,
        String tlsCert, String tlsKey, int flightSqlPort) {
    public HttpSettings {
        requireNonNull(tlsCert, "tlsCert is null");
        requireNonNull(tlsKey, "tlsKey is null");
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

    /** Loopback only, no users, no other hosts or origins, Flight SQL on any free port: the embedded default of tests and tools. */
    public static HttpSettings loopback() {
        return new HttpSettings("127.0.0.1", "", "", List.of(), List.of(), "", "", 0);
    }

    public HttpSettings withBind(String address) {
        return new HttpSettings(address, authToken, authTokenFile, allowedHosts, corsOrigins, tlsCert, tlsKey, flightSqlPort);
    }

    public HttpSettings withAuthTokenFile(String file) {
        return new HttpSettings(bind, authToken, file, allowedHosts, corsOrigins, tlsCert, tlsKey, flightSqlPort);
    }

    public HttpSettings withAuthToken(String token) {
        return new HttpSettings(bind, token, authTokenFile, allowedHosts, corsOrigins, tlsCert, tlsKey, flightSqlPort);
    }

    public HttpSettings withCorsOrigins(List<String> origins) {
        return new HttpSettings(bind, authToken, authTokenFile, allowedHosts, origins, tlsCert, tlsKey, flightSqlPort);
    }

    /** {@code https} when TLS files are set, else {@code http}. */
    public String scheme() {
        return tlsCert.isBlank() ? "http" : "https";
    }

    /** Serves HTTPS with this PEM certificate chain and PKCS#8 private key. */
    public HttpSettings withTls(String cert, String key) {
        return new HttpSettings(bind, authToken, authTokenFile, allowedHosts, corsOrigins, cert, key, flightSqlPort);
    }

    /** Serves Arrow Flight SQL on this port (0: any free one; negative: not at all). */
    public HttpSettings withFlightSqlPort(int port) {
        return new HttpSettings(bind, authToken, authTokenFile, allowedHosts, corsOrigins, tlsCert, tlsKey, port);
    }
}
