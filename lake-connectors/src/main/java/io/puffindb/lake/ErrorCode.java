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
    REQUEST_TOO_LARGE,
    QUERY_FAILED,
    ENDPOINT_NOT_ALLOWED,
    /** No credentials where they are needed. */
    UNAUTHENTICATED,
    /** Credentials that do not allow this. */
    FORBIDDEN,
    REMOTE_FAILED,
    DEADLINE_EXCEEDED,
    CANCELLED,
    INTERNAL_ERROR
}
