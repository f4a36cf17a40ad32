package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.executors.Explanation;
import io.puffindb.executors.PlanDescription;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statistics learned by queries, kept in the Registry on the real Redis: a GROUP BY over a whole
 * table returns one row per distinct combination of its keys, the Registry remembers that count
 * for the table's data, and later plans (of this service or another sharing the Redis) estimate the
 * grouping with it instead of Calcite's guess; a filtered query teaches nothing.
 */
class LearnedStatisticsTest {
    private static final String GROUPS = "SELECT l_returnflag, l_linestatus, count(*) AS n FROM lineitem GROUP BY l_returnflag, l_linestatus";
    private static final String FILTERED = "SELECT l_returnflag, l_linestatus, count(*) AS n FROM lineitem WHERE l_returnflag = 'A' "
            + "GROUP BY l_returnflag, l_linestatus";

    @TempDir
    static Path lake;

    @Test
    void aGroupByOfAWholeTableTeachesItsGroupCountToLaterPlans() throws Exception {
        String registry = "redis://127.0.0.1:6379/learned-" + UUID.randomUUID();
        try (EmbeddedService service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withRegistry(registry), GenerationProgress.SILENT)) {
            double guessed = groupsEstimated(service.executor().explain(GROUPS));
            assertTrue(guessed > 100, "without statistics Calcite guesses from the row count: " + guessed);

            assertEquals(1L, service.executor().explainAnalyze(FILTERED).actualRows());
            assertEquals(guessed, groupsEstimated(service.executor().explain(GROUPS)), 1e-6, "a filtered query's groups say nothing of the table");

            Explanation analyzed = service.executor().explainAnalyze(GROUPS);
            assertEquals(4L, analyzed.actualRows());
            assertEquals(4, groupsEstimated(service.executor().explain(GROUPS)), 1e-6);
            assertTrue(groupsEstimated(service.executor().explain(FILTERED)) <= 4, "a filter keeps at most the table's groups");
        }
        try (EmbeddedService other = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withRegistry(registry), GenerationProgress.SILENT)) {
            assertEquals(4, groupsEstimated(other.executor().explain(GROUPS)), 1e-6, "the Registry on Redis shares what was learned");
        }
    }

    // The estimate of the aggregate nearest the root: the final GROUP BY on the MONOSTORE.
    private static double groupsEstimated(Explanation plan) {
        PlanDescription aggregate = plan.plan().allNodes().stream().filter(node -> node.operator().contains("Aggregate")).findFirst()
                .orElseThrow(() -> new AssertionError("no aggregate in " + plan.text()));
        return aggregate.estimatedRows();
    }
}
