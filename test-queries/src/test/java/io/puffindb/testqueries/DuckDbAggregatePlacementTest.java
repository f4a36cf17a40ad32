package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.puffindb.calcite.tier.Tier;
import io.puffindb.executors.PlanDescription;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DuckDB's own aggregates (geomean, median, string_agg with ORDER BY...) are never split into partial and
 * final halves, which only SUM, COUNT, MIN, MAX and AVG are known to merge: over scans that fleet costs
 * fan out onto the LAMBDA workers, they are computed whole and answer as DuckDB alone does.
 */
class DuckDbAggregatePlacementTest extends FleetTpchTest {
    @Test
    void aGlobalNonDecomposableAggregateOverTheFleetsScanStaysWhole() throws Exception {
        String sql = "select median(l_quantity) as m, sum(l_quantity) as s, string_agg(distinct l_shipmode, ',' order by l_shipmode) as modes "
                + "from lineitem where l_discount > 0.02";
        List<PlanDescription> nodes = puffin.service().executor().explain(sql).plan().allNodes();
        assertTrue(nodes.stream().anyMatch(node -> node.tier().equals(Tier.LAMBDA.name())), "the scan fans out onto the fleet: " + nodes);
        assertFalse(nodes.stream().anyMatch(node -> node.details().contains("phase=PARTIAL")), "median is not split: " + nodes);
        assertPasses(sql);
    }

    @Test
    void groupedNonDecomposableAggregatesAnswerAsDuckDbWherever() throws Exception {
        String sql = "select l_returnflag, geomean(l_quantity) as g, kurtosis(l_extendedprice) as k, arg_min(l_shipmode, l_orderkey) filter (where l_quantity > 49) as cheapest_big, "
                + "string_agg(l_comment, '|' order by l_comment desc) filter (where l_linenumber = 7 and l_quantity < 3) as comments "
                + "from lineitem group by l_returnflag";
        List<PlanDescription> nodes = puffin.service().executor().explain(sql).plan().allNodes();
        assertTrue(nodes.stream().anyMatch(node -> node.tier().equals(Tier.LAMBDA.name())), "the scan fans out onto the fleet: " + nodes);
        assertFalse(nodes.stream().anyMatch(node -> node.details().contains("phase=PARTIAL")), "no DuckDB aggregate is split: " + nodes);
        assertPasses(sql);
    }

    private static void assertPasses(String sql) throws Exception {
        puffin.checker().failure(QueryCase.adhoc(sql)).ifPresent(failure -> fail(sql + "\n" + failure));
    }
}
