package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.executors.trust.ClusterSecret;
import io.puffindb.lake.demo.GenerationProgress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's engines and worker registration, as a stranger meets them over real loopback: every
 * Flight port {@code GET /v1/cluster} lists refuses a caller without the cluster's proof and listens on
 * loopback only, and {@code POST /v1/workers} takes only workers that hold the secret.
 */
class ClusterTrustTest {
    @TempDir
    static Path lake;
    @TempDir
    static Path secrets;
    static Path secretFile;
    static EmbeddedService service;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        secretFile = Files.writeString(secrets.resolve("cluster-secret"), "a test secret of more than thirty-two characters");
        service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withClusterSecretFile(secretFile), GenerationProgress.SILENT);
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    void everyEnginePortTheClusterListsRefusesCallersWithoutTheProofAndListensOnLoopback() throws Exception {
        JsonNode cluster = json.readTree(get("/v1/cluster").body());
        List<String> locations = new ArrayList<>();
        locations.add(cluster.path("monostore").path("location").asText());
        // The service's own engines (another test registers a worker process that is not there).
        cluster.path("workers").forEach(worker -> {
            if (worker.path("inProcess").asBoolean()) {
                locations.add(worker.path("location").asText());
            }
        });
        assertEquals(3, locations.size(), cluster.toString());
        try (BufferAllocator allocator = new RootAllocator()) {
            for (String location : locations) {
                URI uri = URI.create(location);
                assertEquals("127.0.0.1", uri.getHost(), location);
                List<String> listening = listeningAddresses(uri.getPort());
                assertFalse(listening.isEmpty(), "nothing listens on " + location);
                assertTrue(listening.stream().allMatch(LOOPBACK::contains), location + " listens beyond loopback: " + listening);
                try (FlightClient stranger = FlightClient.builder(allocator, new Location(uri)).build()) {
                    String sql = "{\"queryId\":\"q\",\"taskId\":\"t\",\"sql\":\"SELECT * FROM read_text('/etc/passwd')\",\"inputs\":[],\"files\":[]}";
                    FlightRuntimeException stream = assertThrows(FlightRuntimeException.class,
                            () -> stranger.getStream(new Ticket(sql.getBytes(StandardCharsets.UTF_8))).next());
                    assertEquals(FlightStatusCode.UNAUTHENTICATED, stream.status().code(), location);
                    FlightRuntimeException action = assertThrows(FlightRuntimeException.class,
                            () -> stranger.doAction(new Action("cached-file", "{}".getBytes(StandardCharsets.UTF_8))).hasNext());
                    assertEquals(FlightStatusCode.UNAUTHENTICATED, action.status().code(), location);
                }
            }
        }
    }

    @Test
    void aWorkerRegistersOnlyWithTheClusterSecret() throws Exception {
        String heartbeat = "{\"id\": \"w-test\", \"location\": \"grpc+tcp://127.0.0.1:1\", \"activeTasks\": 0}";
        assertError(register(heartbeat, Optional.empty()), 401, "UNAUTHENTICATED");
        assertError(register(heartbeat, Optional.of(ClusterSecret.generate().proof())), 403, "FORBIDDEN");
        String proof = ClusterSecret.readFrom(secretFile).proof();
        assertError(register("{\"id\": ", Optional.of(proof)), 400, "BAD_REQUEST");
        assertError(register("[1, 2]", Optional.of(proof)), 400, "BAD_REQUEST");
        HttpResponse<String> accepted = register(heartbeat, Optional.of(proof));
        assertEquals(200, accepted.statusCode(), accepted.body());
    }

    @Test
    void aServiceWithoutASecretFileAcceptsNoWorkerProcesses() throws Exception {
        try (EmbeddedService alone = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 1), GenerationProgress.SILENT)) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + alone.port() + "/v1/workers"))
                    .header("Content-Type", "application/json").header(ClusterSecret.HEADER, ClusterSecret.readFrom(secretFile).proof())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"w\", \"location\": \"grpc+tcp://127.0.0.1:1\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertError(refused, 403, "FORBIDDEN");
            assertTrue(refused.body().contains("accepts no worker processes"), refused.body());
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, json.readTree(response.body()).path("error").path("code").asText(), response.body());
    }

    private static HttpResponse<String> register(String body, Optional<String> proof) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/v1/workers"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        proof.ifPresent(value -> request.header(ClusterSecret.HEADER, value));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    // 127.0.0.1, ::1 and ::ffff:127.0.0.1 as /proc/net/tcp{,6} spell them.
    private static final List<String> LOOPBACK = List.of("0100007F", "00000000000000000000000001000000", "0000000000000000FFFF00000100007F");

    // The kernel's own table of this machine's listening sockets: the local addresses of those on this port.
    private static List<String> listeningAddresses(int port) throws Exception {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                if (local[1].equals(hexPort) && fields[3].equals("0A")) {
                    addresses.add(local[0]);
                }
            }
        }
        return addresses;
    }
}
