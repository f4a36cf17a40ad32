package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which output columns a query orders by, so that only those fix the row order in a comparison. */
class OrderDetectorTest {
    private static final List<String> COLUMNS = List.of("region", "n");

    @Test
    void orderItemsMapToOutputColumnsByAliasOrOrdinal() {
        String sql = "select n_regionkey as region, count(*) as n from nation group by n_regionkey order by 2 desc nulls last, region";
        assertTrue(OrderDetector.ordersResult(sql));
        assertEquals(Optional.of(List.of(1, 0)), OrderDetector.orderKeys(sql, COLUMNS));
    }

    @Test
    void anExpressionOrAnUnorderedQueryHasNoKeys() {
        assertEquals(Optional.empty(), OrderDetector.orderKeys("select n_regionkey as region, 1 as n from nation order by region + 1", COLUMNS));
        String unordered = "select n_regionkey as region, 1 as n from nation";
        assertFalse(OrderDetector.ordersResult(unordered));
        assertEquals(Optional.empty(), OrderDetector.orderKeys(unordered, COLUMNS));
    }
}
