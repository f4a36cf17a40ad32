package io.puffindb.web;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Optional;

/**
 * One user's bearer token, written {@code token} (user {@code default}), {@code user:token} or
 * {@code user:token:admin} (an admin sees and cancels every user's queries): the form of
 * {@code PUFFINDB_AUTH_TOKEN} and of each line of {@code --auth-token-file}.
 */
public record Credential(String user, String token, boolean admin) {
    /** Short tokens are guessable; this many characters at least. */
    static final int MIN_TOKEN_LENGTH = 16;
    static final String ENVIRONMENT_VARIABLE = "PUFFINDB_AUTH_TOKEN";

    public Credential {
        requireNonNull(user, "user is null");
        requireNonNull(token, "token is null");
    }

    /** Reads {@code [user:]token[:admin]}; the message of a bad one never repeats the token. */
    public static Credential parse(String text) {
        String[] fields = text.strip().split(":", -1);
        boolean shapeOk = fields.length <= 3 && (fields.length < 3 || fields[2].equals("admin"));
        String user = fields.length == 1 ? "default" : fields[0];
        String token = fields.length == 1 ? fields[0] : fields.length > 1 ? fields[1] : "";
        if (!shapeOk || user.isEmpty() || !user.matches("[A-Za-z0-9._-]+")) {
            throw new PuffinException(ErrorCode.BAD_REQUEST,
                    "An auth token is written token, user:token or user:token:admin (user: letters, digits, '.', '_', '-')");
        }
        if (token.length() < MIN_TOKEN_LENGTH) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("The token of user %s is shorter than %d characters", user, MIN_TOKEN_LENGTH));
        }
        return new Credential(user, token, fields.length == 3);
    }

    /** The credential a client sends, from {@code PUFFINDB_AUTH_TOKEN}; empty when it is not set. */
    public static Optional<Credential> fromEnvironment(Map<String, String> environment) {
        String value = environment.get(ENVIRONMENT_VARIABLE);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(parse(value));
    }

    /** Adds {@code Authorization: Bearer <token>} to a request to the service, when there is a credential. */
    public static HttpRequest.Builder authorize(HttpRequest.Builder request, Optional<Credential> credential) {
        credential.ifPresent(held -> request.header("Authorization", "Bearer " + held.token()));
        return request;
    }

    @Override
    public String toString() {
        return "Credential[user=" + user + ", admin=" + admin + "]"; // never the token: it may reach a log
    }
}
