package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated, deterministic corpus of bad and odd queries sent over HTTP to one embedded service:
 * every input answers within its time with a JSON body, and never a 5xx — the caller's mistakes are
 * 4xx with our error, anything valid runs.
 */
class FuzzCorpusTest {
    private static final Duration PER_REQUEST = Duration.ofSeconds(60);

    @TempDir
    static Path lake;
    static EmbeddedService service;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withQueryTimeout(Duration.ofSeconds(30)), GenerationProgress.SILENT);
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    void everyInputAnswersJsonWithoutA5xxInTime() throws Exception {
        List<String> tpch = TpchCases.all().stream().map(QueryCase::sql).toList();
        List<FuzzCorpus.Input> corpus = FuzzCorpus.generate(tpch, 17, 24);
        assertTrue(corpus.size() >= 1_000, "corpus of " + corpus.size());
        List<String> failures = new ArrayList<>();
        for (FuzzCorpus.Input input : corpus) {
            String failure = check(input.sql());
            if (failure != null) {
                failures.add(input.kind() + ": " + failure + " <- " + abbreviated(input.sql()));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + corpus.size() + " inputs failed:\n" + String.join("\n", failures));
    }

    @Test
    void aWindowOverADerivedTableAnswersLikeDuckDb() throws Exception {
        JsonNode answer = json.readTree(post("select max(rn) from (select row_number() over (order by n_name) as rn from nation) t").body());
        assertEquals(25, answer.path("rows").path(0).path(0).asInt(), answer.toString());
    }

    // null when the answer is well formed: a status below 500, a JSON body, an error body on 4xx, no error member on 200.
    private static String check(String sql) throws Exception {
        HttpResponse<String> response;
        try {
            response = post(sql);
        } catch (HttpTimeoutException e) {
            return "no answer in " + PER_REQUEST;
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (Exception e) {
            return response.statusCode() + " with a body that is not JSON: " + abbreviated(response.body());
        }
        if (response.statusCode() >= 500) {
            return response.statusCode() + " " + abbreviated(body.toString());
        }
        if (response.statusCode() >= 400 && body.path("error").path("message").asText().isEmpty()) {
            return response.statusCode() + " without an error message: " + abbreviated(body.toString());
        }
        if (response.statusCode() == 200 && body.has("error")) {
            return "200 that ended in an error: " + abbreviated(body.path("error").toString());
        }
        return null;
    }

    private static HttpResponse<String> post(String sql) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/v1/query"))
                .timeout(PER_REQUEST)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("sql", sql))))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviated(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= 400 ? oneLine : oneLine.substring(0, 400) + "...";
    }
}
