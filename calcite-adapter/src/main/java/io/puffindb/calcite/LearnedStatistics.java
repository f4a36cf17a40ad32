package io.puffindb.calcite;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Distinct counts that earlier queries observed, by table data ({@link LakeCalciteTable#statisticsKey()})
 * and column set. Planning finds it in the planner's context; files' own statistics answer only for
 * integer columns, so this is what tells the cost model how many groups a GROUP BY on text makes.
 */
@FunctionalInterface
public interface LearnedStatistics {
    LearnedStatistics NONE = (tableKey, columns) -> OptionalLong.empty();

    /** How many distinct combinations of {@code columns} the table's data holds, when a query saw it. */
    OptionalLong distinctValues(String tableKey, List<String> columns);

    /** How a column set is named in the Registry: its names, sorted, comma-separated. */
    static String columnsKey(Collection<String> columns) {
        return columns.stream().sorted().collect(Collectors.joining(","));
    }
}
