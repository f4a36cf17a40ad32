package io.puffindb.calcite;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.FileFormat;
import io.puffindb.lake.SqlLiterals;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;

/**
 * Renders a table scan as DuckDB's reader over an explicit list of files, e.g.
 * {@code read_parquet(['a.parquet', 'b.parquet'])}: each engine reads exactly the files it was given.
 */
final class FileScanOperator extends SqlSpecialOperator {
    private final FileFormat format;
    private final List<String> paths;

    FileScanOperator(FileFormat format, List<String> paths) {
        super("FILE_SCAN", SqlKind.OTHER_FUNCTION);
        this.format = requireNonNull(format, "format is null");
        this.paths = List.copyOf(paths);
    }

    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        writer.print(format.duckDbReader() + "(" + SqlLiterals.stringList(paths) + ")");
        writer.setNeedWhitespace(true);
    }
}
