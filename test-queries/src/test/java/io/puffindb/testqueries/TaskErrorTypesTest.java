package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.executors.FragmentDescription;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A caller's error in the data of a query whose scan fans out to LAMBDA tasks (two in-process workers
 * over Flight, fleet costs): the worker's DuckDB types it, the type crosses Flight, and the query answers
 * 400 with DuckDB's message at once — no task is sent to a second worker.
 */
class TaskErrorTypesTest extends FleetTpchTest {
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();

    @Test
    void aBadCastOfAColumnAnswers400WithDuckDbsMessageAndRunsEachTaskOnce() throws Exception {
        assertUserErrorRunsOnce("SELECT CAST(l_comment AS INTEGER) FROM lineitem", "Conversion Error: Could not convert string");
    }

    @Test
    void aDivisionByZeroOnAColumnAnswers400WithDuckDbsMessageAndRunsEachTaskOnce() throws Exception {
        assertUserErrorRunsOnce("SELECT MOD(l_orderkey, l_linenumber - l_linenumber) FROM lineitem", "Division by zero");
    }

    @Test
    void aBadCastOnTheMonostoreAnswers400WithDuckDbsMessageNotTheDriversOrOurSql() throws Exception {
        String sql = "SELECT CAST(n_name AS INTEGER) FROM nation";
        assertEquals(List.of("MONOSTORE"), puffin.service().executor().explain(sql).fragments().stream().map(FragmentDescription::tier).toList());
        HttpResponse<String> response = http.send(RunawayWorkTest.queryRequest(puffin.service().port(), sql, UUID.randomUUID().toString()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), response.body());
        String message = json.readTree(response.body()).path("error").path("message").asText();
        // duckdb_jdbc's streaming result said only "Invalid result set"; DuckDB's LINE pointer would show our rendered SQL.
        assertTrue(message.contains("Conversion Error: Could not convert string 'ALGERIA' to INT32"), message);
        assertFalse(message.contains("LINE") || message.contains("puffindb_failed_task"), message);
    }

    private static void assertUserErrorRunsOnce(String sql, String duckDbMessage) throws Exception {
        FragmentDescription scan = lambdaFragment(sql);
        assertTrue(scan.tasks() > 1, "lineitem fans out to several LAMBDA tasks: " + scan);
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = http.send(RunawayWorkTest.queryRequest(puffin.service().port(), sql, id).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = json.readTree(response.body()).path("error");
        assertEquals("QUERY_FAILED", error.path("code").asText(), response.body());
        assertTrue(error.path("message").asText().contains(duckDbMessage), response.body());

        List<JsonNode> tasks = new ArrayList<>();
        for (JsonNode fragment : RunawayWorkTest.getJson(puffin.service().port(), "/v1/queries/" + id + "/plan").path("fragments")) {
            fragment.path("actualTasks").forEach(tasks::add);
        }
        assertTrue(tasks.stream().anyMatch(task -> task.path("delivery").asText().equals("FAILED")), "a failed task is recorded: " + tasks);
        for (JsonNode task : tasks) {
            assertEquals(1, task.path("attempts").asInt(), "no task is sent to a second worker: " + tasks);
        }
        assertEquals(tasks.size(), tasks.stream().map(task -> task.path("taskId").asText()).distinct().count(), "each task is recorded once: " + tasks);
    }

    private static FragmentDescription lambdaFragment(String sql) {
        return puffin.service().executor().explain(sql).fragments().stream().filter(fragment -> fragment.tier().equals("LAMBDA")).findFirst()
                .orElseThrow(() -> new AssertionError("no LAMBDA fragment in the plan of " + sql));
    }
}
