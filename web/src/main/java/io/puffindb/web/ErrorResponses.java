package io.puffindb.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides an error's HTTP status from its code, writes the JSON error body
 * {@code {"error":{"code","message","line","column"}}} (4xx is the caller's mistake, 5xx ours), and
 * reads one back on the CLI's side.
 */
final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    static int status(ErrorCode code) {
        return switch (code) {
            case PARSE_ERROR, VALIDATION_ERROR, UNSUPPORTED_TYPE, BAD_REQUEST, QUERY_FAILED -> 400;
            case UNAUTHENTICATED -> 401;
            case ENDPOINT_NOT_ALLOWED, FORBIDDEN -> 403;
            case TABLE_NOT_FOUND, NOT_FOUND -> 404;
            case REQUEST_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case CANCELLED -> 499;
            case REMOTE_FAILED -> 502;
            case SERVICE_UNAVAILABLE, RESOURCE_EXHAUSTED -> 503;
            case DEADLINE_EXCEEDED -> 504;
            case INTERNAL_ERROR -> 500;
        };
    }

    /** The error a service's JSON error body describes (a code this build does not know becomes REMOTE_FAILED). */
    static PuffinException read(JsonNode body) {
        JsonNode error = body.path("error");
        ErrorCode code;
        try {
            code = ErrorCode.valueOf(error.path("code").asText("REMOTE_FAILED"));
        } catch (IllegalArgumentException e) {
            code = ErrorCode.REMOTE_FAILED;
        }
        return new PuffinException(code, error.path("message").asText(body.toString()));
    }

    /** The code an HTTP status stands for, for errors raised beneath our handlers (Jetty's, Javalin's own). */
    static ErrorCode codeOf(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 404 -> ErrorCode.NOT_FOUND;
            case 413, 414, 431 -> ErrorCode.REQUEST_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 504 -> ErrorCode.DEADLINE_EXCEEDED;
            default -> status >= 400 && status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
    }

    static void write(Context ctx, PuffinException e) {
        int status = status(e.code());
        if (status >= 500) {
            LOG.error("Query failed with {}", e.code(), e);
        }
        ctx.status(status).json(body(e));
    }

    /** {@code {"error": {"code", "message", "line", "column"}}}. */
    static Map<String, Object> body(PuffinException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code().name());
        error.put("message", e.getMessage());
        e.line().ifPresent(line -> error.put("line", line));
        e.column().ifPresent(column -> error.put("column", column));
        return Map.of("error", error);
    }
}
