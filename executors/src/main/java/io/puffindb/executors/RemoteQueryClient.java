package io.puffindb.executors;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.calcite.through.RemoteService;
import io.puffindb.calcite.through.ThroughEndpoint;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.PuffinException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/**
 * Talks to another PuffinDB service for THROUGH: {@code POST /v1/describe} for a subquery's columns
 * before planning, {@code POST /v1/query} with {@code Accept: application/vnd.apache.arrow.stream}
 * for its rows at run time (Arrow all the way, no JSON rows). Every call has a deadline; failures
 * name the endpoint.
 */
public final class RemoteQueryClient implements RemoteService {
    private static final String ARROW_STREAM = "application/vnd.apache.arrow.stream";
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public RemoteQueryClient(Duration timeout) {
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.http = HttpClient.newBuilder().connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10)).build();
    }

    @Override
    public List<LakeColumn> describe(ThroughEndpoint endpoint, String sql) {
        HttpResponse<InputStream> response = send(endpoint, "/v1/describe", sql, "application/json");
        try (InputStream body = response.body()) {
            JsonNode answer = json.readTree(body);
            if (response.statusCode() != 200) {
                throw remoteError(endpoint, response.statusCode(), answer);
            }
            List<LakeColumn> columns = new ArrayList<>();
            answer.path("columns").forEach(column -> columns.add(new LakeColumn(column.path("name").asText(), column.path("type").asText())));
            return columns;
        } catch (IOException e) {
            throw new PuffinException(ErrorCode.REMOTE_FAILED, format("THROUGH endpoint '%s' answered unreadably: %s", endpoint.text(), e.getMessage()), e);
        }
    }

    /** The subquery's rows, streaming from the remote service as Arrow batches. */
    public ArrowReader open(ThroughEndpoint endpoint, String sql, BufferAllocator allocator) {
        HttpResponse<InputStream> response = send(endpoint, "/v1/query", sql, ARROW_STREAM);
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                throw remoteError(endpoint, response.statusCode(), json.readTree(body));
            } catch (IOException e) {
                throw new PuffinException(ErrorCode.REMOTE_FAILED, format("THROUGH endpoint '%s' failed with HTTP %d", endpoint.text(),
                        response.statusCode()), e);
            }
        }
        return new ArrowStreamReader(response.body(), allocator);
    }

    private HttpResponse<InputStream> send(ThroughEndpoint endpoint, String path, String sql, String accept) {
        URI uri = endpoint.service().orElseThrow().resolve(path);
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", accept)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(Map.of("sql", sql))))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new PuffinException(ErrorCode.DEADLINE_EXCEEDED, format("THROUGH endpoint '%s' did not answer within %s", endpoint.text(), timeout), e);
        } catch (ConnectException e) {
            throw new PuffinException(ErrorCode.REMOTE_FAILED, format("THROUGH endpoint '%s' is unreachable: connection refused", endpoint.text()), e);
        } catch (IOException e) {
            throw new PuffinException(ErrorCode.REMOTE_FAILED, format("THROUGH endpoint '%s' failed: %s", endpoint.text(), e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PuffinException(ErrorCode.CANCELLED, format("Call to THROUGH endpoint '%s' was interrupted", endpoint.text()), e);
        }
    }

    // The remote's own error, kept with its code (an unknown table there is still an unknown table).
    private static PuffinException remoteError(ThroughEndpoint endpoint, int status, JsonNode answer) {
        JsonNode error = answer.path("error");
        ErrorCode code;
        try {
            code = ErrorCode.valueOf(error.path("code").asText());
        } catch (IllegalArgumentException e) {
            code = ErrorCode.REMOTE_FAILED;
        }
        if (code == ErrorCode.UNAUTHENTICATED) {
            code = ErrorCode.REMOTE_FAILED; // the remote refused this service, not our caller, whose token was good here
        }
        return new PuffinException(code, format("THROUGH endpoint '%s' (HTTP %d): %s", endpoint.text(), status, error.path("message").asText()));
    }
}
