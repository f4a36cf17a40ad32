package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import io.puffindb.lake.demo.GenerationProgress;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service with users (a token file): every route but /health and the page's files needs a token, and queries belong to their user. */
class HttpSecurityTest {
    static final String ALICE = "alice-token-0123456789";
    static final String BOB = "bob-token-0123456789ab";
    static final String ROOT = "root-token-0123456789ab";
    static final String ALLOWED_ORIGIN = "https://page.example";

    @TempDir
    static Path folder;
    static EmbeddedService service;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Path tokens = Files.writeString(folder.resolve("tokens"), "# user:token[:admin]\nalice:" + ALICE + "\nbob:" + BOB + "\nroot:" + ROOT + ":admin\n");
        HttpSettings users = HttpSettings.loopback().withAuthTokenFile(tokens.toString()).withCorsOrigins(List.of(ALLOWED_ORIGIN));
        service = EmbeddedService.start(PuffinConfig.embedded(folder.resolve("lake"), 0, 1).withHttp(users), GenerationProgress.SILENT);
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }

    static HttpRequest.Builder request(String path, Optional<String> token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(2));
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        return request;
    }

    // The route called as declared: path parameters filled in, a JSON body for a POST. Only the status and head are read.
    static HttpResponse<InputStream> call(HttpServer.Route route, Optional<String> token) throws Exception {
        HttpRequest.Builder request = request(route.path().replaceAll("\\{[^}]+}", "x"), token);
        if (route.method() == HandlerType.POST) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        } else {
            request.method(route.method().name(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        return response;
    }

    @Test
    void everyDeclaredRouteButHealthAndWorkerRegistrationAnswers401WithoutAToken() throws Exception {
        List<HttpServer.Route> routes = service.http().routes();
        assertEquals(service.http().servedEndpoints(), routes.stream().map(route -> route.method().name() + " " + route.path()).collect(Collectors.toSet()),
                "every endpoint Javalin serves comes from the route table, so this test calls them all");
        for (HttpServer.Route route : routes) {
            String name = route.method() + " " + route.path();
            HttpResponse<InputStream> anonymous = call(route, Optional.empty());
            try (InputStream body = anonymous.body()) {
                if (route.access() == HttpServer.Access.USER) {
                    assertEquals(401, anonymous.statusCode(), name);
                    assertEquals("UNAUTHENTICATED", json.readTree(body).path("error").path("code").asText(), name);
                } else if (route.access() == HttpServer.Access.WORKER) {
                    // Worker registration is the cluster secret's: a user's token neither opens nor is asked for there.
                    assertEquals(401, anonymous.statusCode(), name);
                    assertTrue(json.readTree(body).path("error").path("message").asText().contains("cluster"), name);
                } else {
                    assertNotEquals(401, anonymous.statusCode(), name);
                }
            }
            HttpResponse<InputStream> wrongToken = call(route, Optional.of("not-a-token-of-anyone-here"));
            try (InputStream body = wrongToken.body()) {
                if (route.access() == HttpServer.Access.USER) {
                    assertEquals(401, wrongToken.statusCode(), name);
                }
            }
            HttpResponse<InputStream> signedIn = call(route, Optional.of(ALICE));
            try (InputStream body = signedIn.body()) { // the events stream is closed unread
                if (route.access() != HttpServer.Access.WORKER) {
                    assertNotEquals(401, signedIn.statusCode(), name);
                }
            }
        }
        assertTrue(routes.stream().anyMatch(route -> route.path().equals("/health") && route.access() == HttpServer.Access.PUBLIC));
    }

    @Test
    void thePageLoadsWithoutAToken() throws Exception {
        for (String file : List.of("/", "/app.js", "/api.js")) {
            HttpResponse<String> response = http.send(request(file, Optional.empty()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), file);
        }
    }

    @Test
    void anotherUsersQueryIsNeitherListedNorShownNorCancellableButAnAdminMay() throws Exception {
        String id = "alice-slow-query";
        String sql = "select count(*) from lineitem a, lineitem b where a.l_orderkey + b.l_orderkey = 7";
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(request("/v1/query", Optional.of(ALICE))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("sql", sql, "queryId", id)))).build(),
                HttpResponse.BodyHandlers.ofString());
        try {
            // Listed from the moment it arrives; its plan exists once planning ends.
            for (int attempt = 0; !listed(ALICE).contains(id) || get("/v1/queries/" + id + "/plan", ALICE).statusCode() != 200; attempt++) {
                assertTrue(attempt < 600 && !slow.isDone(), "alice's query never showed in her list with its plan");
                Thread.sleep(50);
            }
            assertFalse(listed(BOB).contains(id));
            assertTrue(listed(ROOT).contains(id));
            for (String path : List.of("/v1/queries/" + id, "/v1/queries/" + id + "/plan")) {
                assertEquals(404, get(path, BOB).statusCode(), path);
                assertEquals(200, get(path, ALICE).statusCode(), path);
            }
            JsonNode cluster = json.readTree(get("/v1/cluster", BOB).body());
            assertFalse(cluster.path("queries").toString().contains(id), cluster.toString());

            HttpResponse<String> bobCancels = http.send(request("/v1/queries/" + id, Optional.of(BOB)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, bobCancels.statusCode(), bobCancels.body());
            assertFalse(slow.isDone(), "bob's cancel must not stop alice's query");
        } finally {
            HttpResponse<String> rootCancels = http.send(request("/v1/queries/" + id, Optional.of(ROOT)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, rootCancels.statusCode(), rootCancels.body());
        }
        assertEquals(499, slow.get().statusCode(), slow.get().body());
    }

    @Test
    void aThroughThatTheRemoteRefusesIsTheRemotesFailureNotThe401OfTheCaller() throws Exception {
        String sql = "select n from (select count(*) as n THROUGH 'http://127.0.0.1:" + service.port() + "' from nation) t";
        HttpResponse<String> response = http.send(request("/v1/query", Optional.of(ALICE)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("sql", sql)))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(502, response.statusCode(), response.body());
        JsonNode error = json.readTree(response.body()).path("error");
        assertEquals("REMOTE_FAILED", error.path("code").asText());
        assertTrue(error.path("message").asText().contains("HTTP 401"), error.toString());
    }

    @Test
    void theCliSendsItsToken() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String server = "http://127.0.0.1:" + service.port();
        QueryCommand anonymous = new QueryCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Optional.empty());
        assertEquals(1, anonymous.run("select 1", server, Duration.ofMinutes(1)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("UNAUTHENTICATED"), err.toString(StandardCharsets.UTF_8));

        Optional<Credential> alice = Credential.fromEnvironment(Map.of("PUFFINDB_AUTH_TOKEN", "alice:" + ALICE));
        QueryCommand signedIn = new QueryCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), alice);
        assertEquals(0, signedIn.run("select 41 + 1", server, Duration.ofMinutes(1)), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("42"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void corsHeadersOnlyForTheConfiguredOrigin() throws Exception {
        HttpResponse<String> preflight = http.send(request("/v1/query", Optional.empty()).header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, preflight.statusCode(), preflight.body());
        assertEquals(ALLOWED_ORIGIN, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Authorization"));

        HttpResponse<String> other = http.send(request("/v1/queries", Optional.of(ALICE)).header("Origin", "https://elsewhere.example").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, other.statusCode());
        assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), other.headers().toString());
    }

    static HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(request(path, Optional.of(token)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> listed(String token) throws Exception {
        HttpResponse<String> response = get("/v1/queries", token);
        assertEquals(200, response.statusCode(), response.body());
        return StreamSupport.stream(json.readTree(response.body()).path("queries").spliterator(), false)
                .map(query -> query.path("queryId").asText()).toList();
    }
}
