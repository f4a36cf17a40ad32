package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.executors.PlanDescription;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * EXPLAIN's labels read in SQL terms for every TPC-H query: column names and the user's aliases,
 * never Calcite's {@code $N} field indexes or generated {@code EXPR$N} names (those stay in details).
 */
class ReadablePlanTest extends FleetTpchTest {
    private static final Pattern CALCITE_NAMES = Pattern.compile("\\$[0-9]|EXPR\\$");

    @Test
    void everyTpchOperatorIsLabelledWithColumnNames() {
        for (QueryCase query : TpchCases.all()) {
            for (PlanDescription node : puffin.service().executor().explain(query.sql()).plan().allNodes()) {
                String where = query.name() + ", " + node.operator() + ": " + node.label();
                assertTrue(!CALCITE_NAMES.matcher(node.label()).find(), where);
                assertTrue(!node.label().isEmpty(), where);
                if (node.operator().equals("TierJoin")) {
                    assertTrue(node.label().matches("(INNER|LEFT|RIGHT|FULL|SEMI|ANTI) JOIN ON .+"), where);
                }
            }
        }
    }

    @Test
    void q01ShowsItsFilterAggregatesAndOrderAsWritten() {
        List<String> labels = puffin.service().executor().explain(TpchCases.sql("tpch-q01")).plan().allNodes().stream().map(PlanDescription::label).toList();
        assertTrue(labels.contains("WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY"), String.join("\n", labels));
        assertEquals("ORDER BY l_returnflag, l_linestatus", labels.get(0));
        assertTrue(labels.stream().anyMatch(label -> label.startsWith("partial GROUP BY l_returnflag, l_linestatus: sum(l_quantity), sum(l_extendedprice), "
                + "sum(l_extendedprice * (1 - l_discount)), sum(l_extendedprice * (1 - l_discount) * (1 + l_tax))")), String.join("\n", labels));
        assertTrue(labels.stream().anyMatch(label -> label.startsWith("final GROUP BY l_returnflag, l_linestatus: sum(sum(l_quantity)) AS sum_qty")),
                String.join("\n", labels));
        assertTrue(labels.stream().anyMatch(label -> label.contains("count(*)")), String.join("\n", labels));
    }
}
