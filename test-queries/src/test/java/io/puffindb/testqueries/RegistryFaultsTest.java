package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * The service on a Redis of its own (never the machine's shared one), which the test resets, stops
 * and starts again: a reset connection is retried, a stopped Redis makes queries and /health answer
 * 503 with our JSON, and once it is back both answer again.
 */
class RegistryFaultsTest {
    @TempDir
    static Path lake;
    static int redisPort;
    static Process redisServer;
    static EmbeddedService service;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            redisPort = free.getLocalPort();
        }
        redisServer = startRedis();
        service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withRegistry("redis://127.0.0.1:" + redisPort + "/faults"),
                GenerationProgress.SILENT);
    }

    @AfterAll
    static void stop() throws Exception {
        try (EmbeddedService puffin = service) {
            redisServer.destroy();
            redisServer.waitFor();
        }
    }

    static Process startRedis() throws Exception {
        Process started = new ProcessBuilder("redis-server", "--port", String.valueOf(redisPort), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", redisPort)) {
                return started;
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() > deadline) {
                    fail("redis-server did not start on port " + redisPort);
                }
                Thread.sleep(20);
            }
        }
    }

    @Test
    void queriesAndHealthFollowTheRegistryThroughAResetAStopAndARestart() throws Exception {
        assertAnswers();

        // Redis drops every client connection: the next calls reconnect and are retried.
        try (RedisClient admin = RedisClient.create(URI.create("redis://127.0.0.1:" + redisPort))) {
            admin.sendCommand(Protocol.Command.CLIENT, "KILL", "TYPE", "normal");
        }
        assertAnswers();

        redisServer.destroy();
        redisServer.waitFor();
        HttpResponse<String> refused = query("select count(*) from nation");
        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals("SERVICE_UNAVAILABLE", error(refused).path("code").asText(), refused.body());
        HttpResponse<String> unhealthy = get("/health");
        assertEquals(503, unhealthy.statusCode(), unhealthy.body());
        assertEquals("SERVICE_UNAVAILABLE", error(unhealthy).path("code").asText(), unhealthy.body());

        redisServer = startRedis();
        assertAnswers();
    }

    private static void assertAnswers() throws Exception {
        HttpResponse<String> answer = query("select count(*) from nation");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(25, json.readTree(answer.body()).path("rows").path(0).path(0).asInt(), answer.body());
        HttpResponse<String> health = get("/health");
        assertEquals(200, health.statusCode(), health.body());
    }

    private static JsonNode error(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body()).path("error");
    }

    private static HttpResponse<String> query(String sql) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/v1/query")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("sql", sql)))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }
}
