package io.puffindb.lake;

import io.puffindb.lake.store.StoredObject;
import java.util.List;
import java.util.function.Function;

/**
 * How DuckDB reads some splits of a table as one relation with the table's columns: for plain files
 * a reader over the file list; for table formats whatever their metadata requires (renamed columns,
 * deletes). Files are read from local paths: remote ones are fetched into a cache first.
 */
@FunctionalInterface
public interface ScanRenderer {
    /**
     * DuckDB SQL usable in a FROM clause, e.g. {@code read_parquet(['/cache/a.parquet'])};
     * {@code localPath} names what DuckDB opens for a data or delete file.
     */
    String relation(List<Split> splits, Function<StoredObject, String> localPath);

    /** Plain files of one format, read as they are. */
    static ScanRenderer files(FileFormat format) {
        return (splits, localPath) -> format.duckDbReader() + "(" + SqlLiterals.stringList(splits.stream().map(Split::file).map(localPath).toList()) + ")";
    }
}
