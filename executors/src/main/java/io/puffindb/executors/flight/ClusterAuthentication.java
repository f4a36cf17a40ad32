package io.puffindb.executors.flight;

import static java.util.Objects.requireNonNull;

import io.puffindb.executors.trust.ClusterSecret;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallInfo;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightClientMiddleware;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;

/**
 * Flight calls between engines carry the cluster's proof: the server side refuses every call
 * without it (UNAUTHENTICATED), the client side adds it to every call it makes.
 */
final class ClusterAuthentication {
    private ClusterAuthentication() {
    }

    /** The check an engine's Flight server makes before any call reaches its producer. */
    static CallHeaderAuthenticator server(ClusterSecret secret) {
        requireNonNull(secret, "secret is null");
        return headers -> {
            if (!secret.isProof(headers.get(ClusterSecret.HEADER))) {
                throw CallStatus.UNAUTHENTICATED.withDescription("This engine answers members of its cluster only (no or a wrong cluster proof)")
                        .toRuntimeException();
            }
            return () -> "cluster member";
        };
    }

    /** Adds the proof to every call of a client. */
    static FlightClientMiddleware.Factory client(ClusterSecret secret) {
        requireNonNull(secret, "secret is null");
        String proof = secret.proof();
        return (CallInfo info) -> new FlightClientMiddleware() {
            @Override
            public void onBeforeSendingHeaders(CallHeaders outgoing) {
                outgoing.insert(ClusterSecret.HEADER, proof);
            }

            @Override
            public void onHeadersReceived(CallHeaders incoming) {
            }

            @Override
            public void onCallCompleted(CallStatus status) {
            }
        };
    }
}
