package io.puffindb.lake.delta;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.joining;
import static java.util.stream.Collectors.toList;

import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.ScanRenderer;
import io.puffindb.lake.Split;
import io.puffindb.lake.SqlLiterals;
import io.puffindb.lake.store.StoredObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads Delta data files as the table's columns. Partition columns are not in the files: the log
 * gives each file's values, which become constants (one branch of a UNION ALL per distinct set of
 * values). Other columns are matched by name, so a column added later reads as NULL in older files.
 */
final class DeltaScanRenderer implements ScanRenderer {
    private final List<LakeColumn> columns;
    private final Set<String> partitionColumns;
    private final Map<String, Map<String, String>> partitionValuesByPath;

    DeltaScanRenderer(List<LakeColumn> columns, Set<String> partitionColumns, Map<String, Map<String, String>> partitionValuesByPath) {
        this.columns = List.copyOf(columns);
        this.partitionColumns = Set.copyOf(partitionColumns);
        this.partitionValuesByPath = Map.copyOf(partitionValuesByPath);
    }

    @Override
    public String relation(List<Split> splits, Function<StoredObject, String> localPath) {
        if (splits.isEmpty()) {
            return "(SELECT " + columns.stream().map(column -> "CAST(NULL AS " + column.duckDbType() + ") AS " + SqlLiterals.identifier(column.name()))
                    .collect(joining(", ")) + " WHERE false)";
        }
        Map<Map<String, String>, List<Split>> byPartition = splits.stream()
                .collect(groupingBy(split -> partitionValuesByPath.getOrDefault(split.path(), Map.of()), LinkedHashMap::new, toList()));
        List<String> branches = new ArrayList<>();
        byPartition.forEach((values, files) -> branches.add(branch(values, files.stream().map(split -> localPath.apply(split.file())).toList())));
        return "(" + String.join(" UNION ALL ", branches) + ")";
    }

    // An empty relation typed like the table, unioned by name with the files: columns a file lacks read as NULL.
    private String branch(Map<String, String> partitionValues, List<String> files) {
        String typed = columns.stream().filter(column -> !partitionColumns.contains(column.name()))
                .map(column -> "CAST(NULL AS " + column.duckDbType() + ") AS " + SqlLiterals.identifier(column.name()))
                .collect(joining(", "));
        String select = columns.stream().map(column -> {
            String name = SqlLiterals.identifier(column.name());
            if (!partitionColumns.contains(column.name())) {
                return name;
            }
            String value = partitionValues.get(column.name());
            return "CAST(" + (value == null ? "NULL" : SqlLiterals.string(value)) + " AS " + column.duckDbType() + ") AS " + name;
        }).collect(joining(", "));
        return "SELECT " + select + " FROM (SELECT " + typed + " WHERE false UNION ALL BY NAME SELECT * FROM read_parquet("
                + SqlLiterals.stringList(files) + ", union_by_name = true)) AS delta_files";
    }
}
