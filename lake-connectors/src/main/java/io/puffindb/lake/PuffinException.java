package io.puffindb.lake;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;

/**
 * A failure with an {@link ErrorCode} and, for errors in the query text, the 1-based line and column
 * it points at.
 */
public class PuffinException extends RuntimeException {
    private final ErrorCode code;
    private final int line;
    private final int column;

    public PuffinException(ErrorCode code, String message) {
        this(code, message, 0, 0, null);
    }

    public PuffinException(ErrorCode code, String message, Throwable cause) {
        this(code, message, 0, 0, cause);
    }

    public PuffinException(ErrorCode code, String message, int line, int column, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
        this.line = line;
        this.column = column;
    }

    public ErrorCode code() {
        return code;
    }

    /** The line in the query text, when the error points at one. */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    public OptionalInt column() {
        return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
    }
}
