package io.puffindb.lake.iceberg;

import static java.util.stream.Collectors.joining;

import io.puffindb.lake.ScanRenderer;
import io.puffindb.lake.Split;
import io.puffindb.lake.SqlLiterals;
import io.puffindb.lake.store.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.iceberg.Schema;

/**
 * Reads Iceberg data files as the table's current schema: columns are matched by field id
 * (DuckDB's {@code read_parquet(..., schema = MAP {id: {name, type, default_value}})}), so renamed
 * columns keep their data and columns added later read as NULL in older files. Rows named by a
 * file's position-delete files are left out with an anti-join on the row's position in its file.
 */
final class IcebergScanRenderer implements ScanRenderer {
    private final Schema schema;
    // Delete files name data files as the writer wrote the path (file:/..., s3://...).
    private final Map<String, String> icebergPathByLocation;

    IcebergScanRenderer(Schema schema, Map<String, String> icebergPathByLocation) {
        this.schema = schema;
        this.icebergPathByLocation = Map.copyOf(icebergPathByLocation);
    }

    @Override
    public String relation(List<Split> splits, Function<StoredObject, String> localPath) {
        if (splits.isEmpty()) {
            return "(SELECT " + schema.columns().stream()
                    .map(field -> "CAST(NULL AS " + IcebergTypes.toDuckDb(field.type(), field.name()) + ") AS " + SqlLiterals.identifier(field.name()))
                    .collect(joining(", ")) + " WHERE false)";
        }
        List<Split> whole = splits.stream().filter(split -> split.deleteFiles().isEmpty()).toList();
        if (whole.size() == splits.size()) {
            return read(whole.stream().map(split -> localPath.apply(split.file())).toList(), false);
        }
        List<String> parts = new ArrayList<>();
        if (!whole.isEmpty()) {
            parts.add("SELECT * FROM " + read(whole.stream().map(split -> localPath.apply(split.file())).toList(), false));
        }
        splits.stream().filter(split -> !split.deleteFiles().isEmpty()).forEach(split -> parts.add(withoutDeletedRows(split, localPath)));
        return "(" + String.join(" UNION ALL ", parts) + ")";
    }

    private String withoutDeletedRows(Split split, Function<StoredObject, String> localPath) {
        String columns = schema.columns().stream().map(field -> SqlLiterals.identifier(field.name())).collect(joining(", "));
        String deletes = SqlLiterals.stringList(split.deleteFiles().stream().map(localPath).toList());
        return "SELECT " + columns + " FROM " + read(List.of(localPath.apply(split.file())), true)
                + " WHERE file_row_number NOT IN (SELECT pos FROM read_parquet(" + deletes + ") WHERE file_path = "
                + SqlLiterals.string(icebergPathByLocation.getOrDefault(split.path(), split.path())) + ")";
    }

    private String read(List<String> files, boolean rowNumbers) {
        String fields = schema.columns().stream()
                .map(field -> field.fieldId() + ": {name: " + SqlLiterals.string(field.name()) + ", type: "
                        + SqlLiterals.string(IcebergTypes.toDuckDb(field.type(), field.name())) + ", default_value: NULL}")
                .collect(joining(", "));
        return "read_parquet(" + SqlLiterals.stringList(files) + ", schema = MAP {" + fields + "}"
                + (rowNumbers ? ", file_row_number = true" : "") + ")";
    }
}
