package io.puffindb.testqueries;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.web.Credential;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/** Runs queries on a PuffinDB service over HTTP, reading answers as Arrow IPC streams. */
public final class PuffinClient {
    private final URI server;
    private final Optional<Credential> credential;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    public PuffinClient(URI server) {
        this(server, Optional.empty());
    }

    /** A client of a service that needs a token (e.g. {@code Credential.fromEnvironment(System.getenv())}). */
    public PuffinClient(URI server, Optional<Credential> credential) {
        this.server = requireNonNull(server, "server is null");
        this.credential = requireNonNull(credential, "credential is null");
    }

    /** The answer, or the error the service gave. */
    public Answer query(String sql, BufferAllocator allocator) throws IOException, InterruptedException {
        return query(Map.of("sql", sql), allocator);
    }

    /** The answer to a statement with parameters ({@code params}: JSON values, see README "Query parameters"), or the error the service gave. */
    public Answer query(String sql, List<?> params, BufferAllocator allocator) throws IOException, InterruptedException {
        return query(Map.of("sql", sql, "params", params), allocator);
    }

    private Answer query(Map<String, Object> body, BufferAllocator allocator) throws IOException, InterruptedException {
        HttpRequest request = Credential.authorize(HttpRequest.newBuilder(server.resolve("/v1/query")), credential)
                .timeout(Duration.ofMinutes(10))
                .header("Content-Type", "application/json")
                .header("Accept", "application/vnd.apache.arrow.stream")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream answer = response.body()) {
            if (response.statusCode() != 200) {
                return new Answer(null, serviceError(response.statusCode(), answer));
            }
            try (ArrowStreamReader reader = new ArrowStreamReader(answer, allocator)) {
                return new Answer(ResultTable.read(reader), null);
            }
        }
    }

    /** The error the service gives when asked to describe {@code sql} (its columns, without running it), or empty when it can. */
    public Optional<ServiceError> describeError(String sql) throws IOException, InterruptedException {
        HttpRequest request = Credential.authorize(HttpRequest.newBuilder(server.resolve("/v1/describe")), credential)
                .timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("sql", sql))))
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            return response.statusCode() == 200 ? Optional.empty() : Optional.of(serviceError(response.statusCode(), body));
        }
    }

    private ServiceError serviceError(int status, InputStream body) throws IOException {
        JsonNode error = json.readTree(body).path("error");
        return new ServiceError(status, error.path("code").asText(), error.path("message").asText(), error.path("line").asInt(0),
                error.path("column").asInt(0));
    }

    /** Either a result or an error. */
    public record Answer(ResultTable result, ServiceError error) {
    }

    /** An error answer: HTTP status, code, message, and the line and column it points at (0 when none). */
    public record ServiceError(int status, String code, String message, int line, int column) {
    }
}
