package io.puffindb.lake;

/**
 * Every failure a user can see carries one of these codes; the web layer maps each code to an HTTP
 * status in one place. Lives in the lowest module because every layer raises them.
 */
public enum ErrorCode {
    PARSE_ERROR,
    VALIDATION_ERROR,
    TABLE_NOT_FOUND,
    NOT_FOUND,
    UNSUPPORTED_TYPE,
    BAD_REQUEST,
    UNSUPPORTED_MEDIA_TYPE,
    REQUEST_TOO_LARGE,
    QUERY_FAILED,
    ENDPOINT_NOT_ALLOWED,
    /** No credentials where they are needed. */
    UNAUTHENTICATED,
    /** Credentials that do not allow this. */
    FORBIDDEN,
    REMOTE_FAILED,
    DEADLINE_EXCEEDED,
    /** A part of the deployment this service needs (the Registry, a worker) cannot be reached now; retrying later may succeed. */
    SERVICE_UNAVAILABLE,
    /** The query needs more memory or disk than the engine has: not the caller's mistake, and not fixed by retrying at once. */
    RESOURCE_EXHAUSTED,
    CANCELLED,
    INTERNAL_ERROR;

    /**
     * Whether the caller is to blame (the query's text, its data, its credentials): running it again,
     * anywhere, would fail the same way, so a task failing so is not retried on another worker.
     */
    public boolean callersMistake() {
        return switch (this) {
            case PARSE_ERROR, VALIDATION_ERROR, TABLE_NOT_FOUND, NOT_FOUND, UNSUPPORTED_TYPE, BAD_REQUEST, UNSUPPORTED_MEDIA_TYPE,
                    REQUEST_TOO_LARGE, QUERY_FAILED, ENDPOINT_NOT_ALLOWED, UNAUTHENTICATED, FORBIDDEN -> true;
            case REMOTE_FAILED, DEADLINE_EXCEEDED, SERVICE_UNAVAILABLE, RESOURCE_EXHAUSTED, CANCELLED, INTERNAL_ERROR -> false;
        };
    }
}
