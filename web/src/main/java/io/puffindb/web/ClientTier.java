package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.executors.flight.ArrowStreams;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.store.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.duckdb.DuckDBConnection;

/**
 * The CLIENT tier ({@code puffindb query --cache DIR}). The service plans each query for this client,
 * knowing which lake files the client's cache holds. When the cheapest plan's root runs on the
 * client, the client's own DuckDB runs it over those files, reading the rows of the plan's other
 * parts (if any) as Arrow streams the service computes for it; otherwise the service runs it all.
 * Afterwards the client copies the files the query read from the MONOSTORE's cache into its own:
 * reactive promotion, one layer up.
 */
public final class ClientTier {
    private final String server;
    private final ClientCache cache;
    private final Duration timeout;
    private final Optional<Credential> credential;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    /**
     * The service's answer: the client's SQL when the plan's root runs here, with the service's parts
     * it reads ({@code inputs}), and every lake file the plan reads.
     */
    public record Plan(Optional<String> clientSql, List<ClientResource.ServiceInput> inputs, List<StoredObject> files, int filesCachedHere) {
        /** The names the client's SQL reads the service's parts under. */
        public List<String> inputNames() {
            return inputs.stream().map(ClientResource.ServiceInput::name).toList();
        }
    }

    /** Reads a local run's result. */
    @FunctionalInterface
    public interface ResultHandler<T> {
        T read(ResultSet result) throws Exception;
    }

    public ClientTier(String server, ClientCache cache, Duration timeout) {
        this(server, cache, timeout, Optional.empty());
    }

    /** A client of a service that needs a token. */
    public ClientTier(String server, ClientCache cache, Duration timeout, Optional<Credential> credential) {
        this.credential = requireNonNull(credential, "credential is null");
        this.server = requireNonNull(server, "server is null").replaceAll("/+$", "");
        this.cache = requireNonNull(cache, "cache is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    public Plan plan(String sql) throws IOException, InterruptedException {
        // The same messages the service reads and writes (ClientResource), so both sides agree on them.
        ClientResource.PlanRequest body = new ClientResource.PlanRequest(sql, cache.files().stream().map(ClientResource.CachedFile::of).toList());
        HttpRequest request = Credential.authorize(HttpRequest.newBuilder(URI.create(server + "/v1/client-plan")), credential).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw ErrorResponses.read(json.readTree(response.body()));
        }
        ClientResource.PlanResponse answer = json.readValue(response.body(), ClientResource.PlanResponse.class);
        List<StoredObject> files = answer.files().stream().map(ClientResource.CachedFile::toStoredObject).toList();
        int cachedHere = (int) files.stream().filter(cache::holds).count();
        return answer.runsOnClient() ? new Plan(Optional.of(answer.sql()), answer.inputs(), files, cachedHere)
                : new Plan(Optional.empty(), List.of(), files, cachedHere);
    }

    /**
     * Runs a plan's client SQL in this client's own DuckDB, over its cache folder and the rows of the
     * service's parts, registered as Arrow streams under their input names.
     */
    public <T> T runLocally(Plan plan, ResultHandler<T> handler) throws Exception {
        String sql = plan.clientSql().orElseThrow(() -> new IllegalArgumentException("This plan runs on the service"));
        cache.used(plan.files());
        try (ClientCache.ReadView view = cache.readView(plan.files());
                BufferAllocator allocator = new RootAllocator();
                ArrowStreams streams = new ArrowStreams();
                Connection duckdb = DriverManager.getConnection("jdbc:duckdb:", settings(view))) {
            for (ClientResource.ServiceInput input : plan.inputs()) {
                streams.register(duckdb.unwrap(DuckDBConnection.class), input.name(), openInput(input, allocator), allocator);
            }
            try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                return handler.read(result);
            }
        } catch (SQLException e) {
            throw new PuffinException(ErrorCode.QUERY_FAILED, "The client's DuckDB failed: " + e.getMessage(), e);
        }
    }

    // The rendered SQL names each file by its cache name; DuckDB finds it in the run's view, and reads nothing else.
    private static Properties settings(ClientCache.ReadView view) {
        Properties settings = new Properties();
        settings.setProperty("file_search_path", view.folder().toString());
        settings.setProperty("autoinstall_known_extensions", "false");
        settings.setProperty("autoload_known_extensions", "false");
        return settings;
    }

    // The service starts its part when asked and answers once its first rows are ready (or it failed).
    private ArrowReader openInput(ClientResource.ServiceInput input, BufferAllocator allocator) throws IOException, InterruptedException {
        HttpRequest request = Credential.authorize(HttpRequest.newBuilder(URI.create(server + "/v1/client-input/" + encode(input.token()))), credential)
                .timeout(timeout).header("Accept", QueryResource.ARROW_STREAM).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                throw ErrorResponses.read(json.readTree(body));
            }
        }
        ArrowStreamReader reader = new ArrowStreamReader(response.body(), allocator);
        try {
            // Read the schema here: DuckDB's registration is a native call, which must not wait on the network.
            reader.getVectorSchemaRoot();
            return reader;
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** What a promotion after a query moved one layer up: files copied in from the MONOSTORE, files copied into RAM. */
    public record Promoted(int fromService, int intoRam) {
    }

    /**
     * Reactive promotion after a query: the plan's files that this cache lacks are copied from the
     * MONOSTORE's cache (files the MONOSTORE does not hold are skipped: a later query offers them
     * again), and those it held, which the query read, go into the client's RAM layer.
     */
    public Promoted promote(Plan plan, PrintStream progress) throws IOException, InterruptedException {
        List<StoredObject> held = plan.files().stream().filter(cache::holds).toList();
        List<StoredObject> missing = plan.files().stream().filter(file -> !cache.holds(file)).toList();
        int copied = 0;
        for (int i = 0; i < missing.size(); i++) {
            StoredObject file = missing.get(i);
            progress.printf("\r  copying into the client cache: %d/%d files", i + 1, missing.size());
            HttpRequest request = Credential.authorize(HttpRequest.newBuilder(URI.create(server + "/v1/cached-file?uri=" + encode(file.uri())
                    + "&version=" + encode(file.version()) + "&size=" + file.size())), credential).timeout(timeout).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 200 && cache.add(file, body)) {
                    copied++;
                } else if (response.statusCode() != 200 && response.statusCode() != 404) {
                    throw ErrorResponses.read(json.readTree(body));
                }
            }
        }
        if (!missing.isEmpty()) {
            progress.println();
        }
        return new Promoted(copied, cache.promoteToRam(held));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
