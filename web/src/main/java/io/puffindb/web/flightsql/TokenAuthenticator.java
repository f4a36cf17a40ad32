package io.puffindb.web.flightsql;

import static java.util.Objects.requireNonNull;

import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.auth2.Auth2Constants;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;

/** Every Flight call authenticated by its bearer token (Flight's {@code authorization} header), as the HTTP API's calls are. */
final class TokenAuthenticator implements CallHeaderAuthenticator {
    private final BearerTokens tokens;

    TokenAuthenticator(BearerTokens tokens) {
        this.tokens = requireNonNull(tokens, "tokens is null");
    }

    @Override
    public AuthResult authenticate(CallHeaders headers) {
        String user = tokens.userOf(headers.get(Auth2Constants.AUTHORIZATION_HEADER)).orElseThrow(() -> CallStatus.UNAUTHENTICATED
                .withDescription("UNAUTHENTICATED: this service needs a bearer token (JDBC: token=..., ADBC: adbc.flight.sql.authorization_header"
                        + "='Bearer ...'); the token was missing or unknown")
                .toRuntimeException());
        return () -> user;
    }
}
