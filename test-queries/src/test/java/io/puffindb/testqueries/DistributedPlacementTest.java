package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.puffindb.calcite.tier.Tier;
import io.puffindb.cost.CostParameters;
import io.puffindb.executors.Explanation;
import io.puffindb.executors.FragmentDescription;
import io.puffindb.executors.PlanDescription;
import io.puffindb.executors.flight.TaskStats;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.demo.GenerationProgress;
import io.puffindb.web.EmbeddedService;
import io.puffindb.web.PuffinConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Where the cost-based planner puts operators, and what crosses the exchanges, with 2 in-process
 * workers planned as a fleet ({@code cost.profile=fleet}: the distributed path); and that the embedded
 * default, whose workers share the host with the MONOSTORE, keeps whole queries on the MONOSTORE.
 */
class DistributedPlacementTest extends FleetTpchTest {
    @Test
    void theEmbeddedDefaultKeepsQ1AndQ3WhollyOnTheMonostoreWhereFleetCostsFanThemOut() throws Exception {
        try (EmbeddedService embedded = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withRam(RamSettings.NONE), GenerationProgress.SILENT)) {
            for (String query : List.of("tpch-q01", "tpch-q03")) {
                Explanation shared = embedded.executor().explain(TpchCases.sql(query));
                assertEquals(List.of(Tier.MONOSTORE.name()), shared.fragments().stream().map(FragmentDescription::tier).toList(),
                        query + " is one MONOSTORE fragment on a shared host");
                assertTrue(shared.plan().allNodes().stream().allMatch(node -> node.tier().equals(Tier.MONOSTORE.name())), query);
                assertTrue(puffin.service().executor().explain(TpchCases.sql(query)).plan().allNodes().stream()
                        .anyMatch(node -> node.tier().equals(Tier.LAMBDA.name())), query + " fans out with fleet costs");
            }
        }
    }

    @Test
    void q1ScansFiltersAndPartiallyAggregatesOnLambdaAndFinishesOnMonostore() {
        List<PlanDescription> nodes = puffin.service().executor().explain(TpchCases.sql("tpch-q01")).plan().allNodes();
        assertEquals(Tier.LAMBDA.name(), only(nodes, "TierTableScan").tier());
        assertEquals(Tier.LAMBDA.name(), only(nodes, "TierFilter").tier());
        PlanDescription partial = nodes.stream().filter(node -> node.details().contains("phase=PARTIAL")).findFirst().orElseThrow();
        assertEquals(Tier.LAMBDA.name(), partial.tier());
        PlanDescription merged = nodes.stream().filter(node -> node.details().contains("phase=FINAL")).findFirst().orElseThrow();
        assertEquals(Tier.MONOSTORE.name(), merged.tier());
        assertEquals(Tier.MONOSTORE.name(), only(nodes, "TierSort").tier());
        assertEquals("GATHER", only(nodes, "TierExchange").exchangeKind());
    }

    @Test
    void q1MovesOnlyATinyFractionOfTheLineitemBytesAcrossTheExchange() throws Exception {
        Explanation analyzed = puffin.service().executor().explainAnalyze(TpchCases.sql("tpch-q01"));
        FragmentDescription lambda = analyzed.fragments().stream().filter(fragment -> fragment.tier().equals("LAMBDA")).findFirst().orElseThrow();
        long lineitemBytes;
        try (Stream<Path> files = Files.list(lake.resolve("tpch").resolve("lineitem"))) {
            lineitemBytes = files.mapToLong(file -> file.toFile().length()).sum();
        }
        assertEquals(4, lambda.actualTasks().size(), "one task per lineitem file");
        long exchanged = lambda.actualTasks().stream().mapToLong(TaskStats::bytesOut).sum();
        assertTrue(exchanged > 0);
        double ratio = (double) exchanged / lineitemBytes;
        assertTrue(ratio < 0.01, "exchange carried " + exchanged + " bytes for " + lineitemBytes + " bytes of lineitem files");
        assertEquals(2, lambda.actualTasks().stream().map(TaskStats::worker).distinct().count(), "tasks spread over both workers");
        assertEquals(4L, analyzed.actualRows());
    }

    @Test
    void aNonDeterministicHavingKeepsOrDropsWholeGroups() throws Exception {
        PuffinClient client = new PuffinClient(URI.create("http://127.0.0.1:" + puffin.service().port()));
        java.util.Map<Object, Object> fullCounts = new java.util.HashMap<>();
        for (List<Object> row : puffin.oracle().run("select l_returnflag, count(*) from lineitem group by l_returnflag", puffin.allocator()).rows()) {
            fullCounts.put(row.get(0), row.get(1));
        }
        String sql = "select l_returnflag, count(*) as n from lineitem group by l_returnflag having random() < 0.5";
        for (int run = 0; run < 5; run++) {
            for (List<Object> group : client.query(sql, puffin.allocator()).result().rows()) {
                assertEquals(fullCounts.get(group.get(0)), group.get(1), "a group is kept whole or not at all: " + group);
            }
        }
        assertEquals(List.of(), client.query("select count(*) as n from lineitem having random() > 1000", puffin.allocator()).result().rows(),
                "a HAVING that is never true answers no row, not a count over no rows");
    }

    @Test
    void aVerySlowLinkFromTheFleetMovesTheScanToTheMonostore() throws Exception {
        try (EmbeddedService slowLink = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2), GenerationProgress.SILENT,
                workers -> CostParameters.defaults(workers).withLink(Tier.LAMBDA, Tier.MONOSTORE, 10))) {
            List<PlanDescription> nodes = slowLink.executor().explain(TpchCases.sql("tpch-q01")).plan().allNodes();
            assertEquals(Tier.MONOSTORE.name(), only(nodes, "TierTableScan").tier());
            assertTrue(nodes.stream().noneMatch(node -> node.operator().equals("TierExchange")));
        }
    }

    // Q19's three OR branches each repeat the join key and the same lineitem conditions: pulled out of the OR,
    // the join is keyed on partkey (not a cross product) and lineitem's scan filters on shipmode and shipinstruct.
    @Test
    void q19JoinsOnPartkeyAndFiltersLineitemAtItsScan() throws Exception {
        String q19 = TpchCases.sql("tpch-q19");
        try (EmbeddedService embedded = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withRam(RamSettings.NONE), GenerationProgress.SILENT)) {
            for (Explanation plan : List.of(puffin.service().executor().explain(q19), embedded.executor().explain(q19))) {
                List<PlanDescription> nodes = plan.plan().allNodes();
                PlanDescription join = only(nodes, "TierJoin");
                assertTrue(join.details().matches("condition=(AND\\()?=\\(\\$\\d+, \\$\\d+\\).*"), "an equi-join: " + join.details());
                assertTrue(nodes.stream().anyMatch(node -> node.operator().equals("TierFilter") && node.details().contains("DELIVER IN PERSON")
                        && node.details().contains("AIR REG") && node.allNodes().stream().noneMatch(below -> below.operator().equals("TierJoin"))
                        && node.allNodes().stream().anyMatch(below -> below.operator().equals("TierTableScan"))),
                        "lineitem's conditions are filtered at its scan: " + nodes);
            }
        }
        assertPasses(q19);
    }

    // Two workers of one thread run two tasks at once: lineitem's four files go to two tasks of two files each
    // (a third task would only wait, and repeat its start-up and its copy of any broadcast side).
    @Test
    void aScanFansOutToNoMoreTasksThanTheFleetRunsAtOnce() throws Exception {
        try (EmbeddedService oneThreadEach = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withRam(RamSettings.NONE), GenerationProgress.SILENT,
                workers -> CostParameters.defaults(workers).withThreads(8, 1))) {
            Explanation analyzed = oneThreadEach.executor().explainAnalyze(TpchCases.sql("tpch-q01"));
            FragmentDescription lambda = analyzed.fragments().stream().filter(fragment -> fragment.tier().equals("LAMBDA")).findFirst().orElseThrow();
            assertEquals(2, lambda.tasks());
            assertEquals(List.of(2, 2), lambda.actualTasks().stream().map(TaskStats::splits).toList());
            assertEquals(4L, analyzed.actualRows());
        }
    }

    // Q8 lists part, supplier, lineitem, ... in its FROM clause: in that order its first join is a cross product
    // of part and supplier, and lineitem's join partner is that product. Ordered from statistics, no join lacks a key.
    @Test
    void q8JoinsAreOrderedFromStatisticsWithoutACrossProduct() {
        for (PlanDescription node : puffin.service().executor().explain(TpchCases.sql("tpch-q08")).plan().allNodes()) {
            if (node.operator().equals("TierJoin")) {
                assertFalse(node.details().startsWith("condition=true"), "a cross product: " + node.details());
            }
        }
    }

    // At SF 0.01 lineitem is small enough for the MONOSTORE to read whole over fleet costs; with the lake slow to
    // read from the MONOSTORE the scan fans out and every aggregate is split, which is what this checks.
    @Test
    void splitAggregatesEqualDuckDbExactly() throws Exception {
        String sql = "select l_returnflag, avg(l_quantity) as avg_qty, avg(l_extendedprice) as avg_price, count(*) as n, "
                + "count(l_comment) as comments, sum(l_tax) as tax, min(l_shipdate) as first_ship, max(l_comment) as last_comment "
                + "from lineitem group by l_returnflag";
        try (EmbeddedService fanningOut = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withRam(RamSettings.NONE), GenerationProgress.SILENT,
                workers -> CostParameters.defaults(workers).withLakeBytesPerSecond(java.util.Map.of(Tier.LAMBDA, 100e6, Tier.MONOSTORE, 1e5, Tier.CLIENT, 1e5)))) {
            assertTrue(fanningOut.executor().explain(sql).plan().allNodes().stream().anyMatch(node -> node.details().contains("phase=PARTIAL")));
            CaseChecker checker = new CaseChecker(new PuffinClient(URI.create("http://127.0.0.1:" + fanningOut.port())), puffin.oracle(), puffin.allocator());
            for (String query : List.of(sql,
                    "select avg(l_discount) as a, count(*) as n, sum(l_quantity) as q from lineitem where l_quantity > 100",
                    "select l_linestatus, stddev_samp(l_quantity) as sd, var_pop(l_extendedprice) as v from lineitem group by l_linestatus",
                    "select l_returnflag, count(distinct l_partkey) as parts, count(distinct l_suppkey) as suppliers from lineitem group by l_returnflag")) {
                checker.failure(QueryCase.adhoc(query)).ifPresent(failure -> fail(query + "\n" + failure));
                assertPasses(query);
            }
        }
    }

    @Test
    void smallJoinSideIsBroadcastToTheWorkersAndCarriesOnlyTheColumnsUsed() throws Exception {
        String sql = "select n_name, count(*) as suppliers from supplier, nation where s_nationkey = n_nationkey group by n_name";
        assertPasses(sql);
        String revenueByNation = "select n_name, sum(l_extendedprice * (1 - l_discount)) as revenue from lineitem, supplier, nation "
                + "where l_suppkey = s_suppkey and s_nationkey = n_nationkey group by n_name";
        // Lineitem's three used columns are cheap to gather over the fleet's fast link (the MONOSTORE then joins them
        // itself); over a slower one, with the lake read from the fleet, probing next to the scan and sending partial sums pays.
        try (EmbeddedService slowerLink = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withRam(RamSettings.NONE), GenerationProgress.SILENT,
                workers -> CostParameters.defaults(workers).withLink(Tier.LAMBDA, Tier.MONOSTORE, 1e7)
                        .withLakeBytesPerSecond(java.util.Map.of(Tier.LAMBDA, 1e9, Tier.MONOSTORE, 1e3, Tier.CLIENT, 1e3)))) {
            Explanation plan = slowerLink.executor().explain(revenueByNation);
            List<PlanDescription> nodes = plan.plan().allNodes();
            assertTrue(nodes.stream().anyMatch(node -> "BROADCAST".equals(node.exchangeKind())), "the supplier side goes to the lineitem scan: " + plan.text());
            PlanDescription join = nodes.stream().filter(node -> node.operator().equals("TierJoin")).findFirst().orElseThrow();
            assertEquals(Tier.LAMBDA.name(), join.tier());
            for (FragmentDescription fragment : plan.fragments()) {
                for (String unused : List.of("s_name", "s_address", "s_phone", "s_acctbal", "s_comment", "n_regionkey", "n_comment", "l_comment")) {
                    assertFalse(fragment.duckDbSql().contains(unused), unused + " in " + fragment.duckDbSql());
                }
                assertFalse(fragment.duckDbSql().contains("SELECT * FROM (read_parquet"), fragment.duckDbSql());
            }
            CaseChecker slowerChecker = new CaseChecker(new PuffinClient(URI.create("http://127.0.0.1:" + slowerLink.port())), puffin.oracle(),
                    puffin.allocator());
            slowerChecker.failure(QueryCase.adhoc(revenueByNation)).ifPresent(failure -> fail(revenueByNation + "\n" + failure));
        }
        assertPasses(revenueByNation);
    }

    // The same filtered supplier probes lineitem twice: it is broadcast to two joins, computed (and its own
    // LAMBDA scan run) once, as TPC-H Q21's decorrelated subqueries broadcast one subtree several times.
    @Test
    void aBroadcastSideUsedTwiceIsComputedOnce() throws Exception {
        String sql = "select count(*) as n from lineitem, (select s_suppkey from supplier where s_nationkey = 1) as a, "
                + "(select s_suppkey from supplier where s_nationkey = 1) as b where l_suppkey = a.s_suppkey and l_partkey = b.s_suppkey";
        try (EmbeddedService slowerLink = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withRam(RamSettings.NONE), GenerationProgress.SILENT,
                workers -> CostParameters.defaults(workers).withLink(Tier.LAMBDA, Tier.MONOSTORE, 1e7)
                        .withLakeBytesPerSecond(java.util.Map.of(Tier.LAMBDA, 1e9, Tier.MONOSTORE, 1e3, Tier.CLIENT, 1e3)))) {
            Explanation analyzed = slowerLink.executor().explainAnalyze(sql);
            List<FragmentDescription> supplierScans = analyzed.fragments().stream()
                    .filter(fragment -> fragment.tier().equals("LAMBDA") && fragment.duckDbSql().contains("supplier")
                            && !fragment.duckDbSql().contains("lineitem"))
                    .toList();
            assertEquals(2, supplierScans.size(), "two broadcast sides of one plan: " + analyzed.text());
            assertEquals(1, supplierScans.stream().filter(fragment -> !fragment.actualTasks().isEmpty()).count(), "only one ran");
            CaseChecker checker = new CaseChecker(new PuffinClient(URI.create("http://127.0.0.1:" + slowerLink.port())), puffin.oracle(), puffin.allocator());
            checker.failure(QueryCase.adhoc(sql)).ifPresent(failure -> fail(sql + "\n" + failure));
        }
    }

    @Test
    void countDistinctIsRepartitionedByKeyWhenMovingRowsToTheMonostoreIsExpensive() throws Exception {
        String sql = "select l_returnflag, count(distinct l_partkey) as parts, count(distinct l_suppkey) as suppliers from lineitem "
                + "group by l_returnflag";
        try (EmbeddedService slowMonostore = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2), GenerationProgress.SILENT, workers -> {
            return CostParameters.defaults(workers).withLink(Tier.LAMBDA, Tier.MONOSTORE, 1e5)
                    .withLakeBytesPerSecond(java.util.Map.of(Tier.LAMBDA, 100e6, Tier.MONOSTORE, 1e5, Tier.CLIENT, 1e5));
        })) {
            List<PlanDescription> nodes = slowMonostore.executor().explain(sql).plan().allNodes();
            assertTrue(nodes.stream().anyMatch(node -> "HASH".equals(node.exchangeKind())), "rows are dealt to the workers by key");
            PlanDescription aggregate = nodes.stream().filter(node -> node.operator().equals("TierAggregate")).findFirst().orElseThrow();
            assertEquals(Tier.LAMBDA.name(), aggregate.tier());
            CaseChecker slowChecker = new CaseChecker(new PuffinClient(URI.create("http://127.0.0.1:" + slowMonostore.port())), puffin.oracle(), puffin.allocator());
            slowChecker.failure(QueryCase.adhoc(sql))
                    .ifPresent(failure -> fail(sql + "\n" + failure));
            // A real shuffle: each producer task ran once, its output kept on its worker dealt by key.
            Explanation analyzed = slowMonostore.executor().explainAnalyze(sql);
            FragmentDescription producers = analyzed.fragments().stream()
                    .filter(fragment -> fragment.actualTasks().stream().anyMatch(task -> task.delivery().equals(TaskStats.SHUFFLE)))
                    .findFirst().orElseThrow(() -> new AssertionError("no shuffled fragment: " + analyzed.text()));
            assertEquals(producers.tasks(), producers.actualTasks().size(), analyzed.text());
            assertTrue(producers.actualTasks().stream().allMatch(task -> task.attempts() == 1 && task.delivery().equals(TaskStats.SHUFFLE)),
                    "each producer task ran once: " + producers.actualTasks());
            assertEquals(producers.actualTasks().size(), producers.actualTasks().stream().map(TaskStats::taskId).distinct().count());
        }
    }

    @Test
    void columnNamesAreDuckDbsWhereverTheAggregateRuns() throws Exception {
        String countAll = "select count(*) from lineitem";
        assertTrue(puffin.service().executor().explain(countAll).plan().allNodes().stream().anyMatch(node -> node.details().contains("phase=PARTIAL")),
                "partial counts on the LAMBDA fleet, summed on the MONOSTORE");
        List<String> duckDbNames = puffin.oracle().run(countAll, puffin.allocator()).names();
        assertEquals(List.of("count_star()"), duckDbNames);
        PuffinClient client = new PuffinClient(URI.create("http://127.0.0.1:" + puffin.service().port()));
        for (String sql : List.of(countAll, "select count(*) THROUGH 'lambda' from lineitem", "select count(*) THROUGH 'monostore' from lineitem",
                "select * from (select count(*) THROUGH 'lambda' from lineitem) as t")) {
            PuffinClient.Answer answer = client.query(sql, puffin.allocator());
            assertEquals(null, answer.error(), sql);
            assertEquals(duckDbNames, answer.result().names(), sql);
            assertEquals(List.of(List.of(60175L)), answer.result().rows(), sql);
        }
        assertEquals(duckDbNames, puffin.service().executor().describe("select count(*) THROUGH 'lambda' from lineitem").stream()
                .map(io.puffindb.lake.LakeColumn::name).toList(), "what a THROUGH caller is told");
    }

    private static void assertPasses(String sql) throws Exception {
        puffin.checker().failure(QueryCase.adhoc(sql)).ifPresent(failure -> fail(sql + "\n" + failure));
    }

    private static PlanDescription only(List<PlanDescription> nodes, String operator) {
        List<PlanDescription> matching = nodes.stream().filter(node -> node.operator().equals(operator)).toList();
        assertEquals(1, matching.size(), "exactly one " + operator + " in " + nodes.stream().map(PlanDescription::operator).toList());
        return matching.get(0);
    }
}
