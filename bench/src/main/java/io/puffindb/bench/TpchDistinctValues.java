package io.puffindb.bench;

import io.puffindb.calcite.LearnedStatistics;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Distinct counts of TPC-H's low-cardinality columns, from the specification's value sets (3 return flags,
 * 2 line statuses, 5 market segments, ...), standing in for what a running service learns from its first
 * queries: without them a GROUP BY on text looks as large as its input, and every partial aggregate would
 * seem to spill. Column names are unique across TPC-H's tables, so the table is not looked at.
 */
final class TpchDistinctValues implements LearnedStatistics {
    private static final Map<String, Long> DISTINCT = Map.ofEntries(
            Map.entry("l_returnflag", 3L), Map.entry("l_linestatus", 2L), Map.entry("l_shipmode", 7L), Map.entry("l_shipinstruct", 4L),
            Map.entry("l_linenumber", 7L), Map.entry("l_quantity", 50L), Map.entry("l_discount", 11L), Map.entry("l_tax", 9L),
            Map.entry("o_orderstatus", 3L), Map.entry("o_orderpriority", 5L), Map.entry("o_shippriority", 1L), Map.entry("o_orderdate", 2406L),
            Map.entry("c_mktsegment", 5L), Map.entry("p_mfgr", 5L), Map.entry("p_brand", 25L), Map.entry("p_type", 150L),
            Map.entry("p_container", 40L), Map.entry("p_size", 50L), Map.entry("n_name", 25L), Map.entry("r_name", 5L));

    @Override
    public OptionalLong distinctValues(String tableKey, List<String> columns) {
        long product = 1;
        for (String column : columns) {
            Long distinct = DISTINCT.get(column);
            if (distinct == null) {
                return OptionalLong.empty();
            }
            product *= distinct;
        }
        return OptionalLong.of(product);
    }
}
