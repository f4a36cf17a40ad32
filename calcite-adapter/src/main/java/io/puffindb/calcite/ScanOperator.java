package io.puffindb.calcite;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;

/**
 * Stands in a rendered FROM clause for a table scan and prints the DuckDB relation that reads its
 * splits, e.g. {@code read_parquet(['a.parquet', 'b.parquet'])}: each engine reads exactly the
 * files it was given.
 */
final class ScanOperator extends SqlSpecialOperator {
    private final String relation;

    ScanOperator(String relation) {
        super("SCAN", SqlKind.OTHER_FUNCTION);
        this.relation = requireNonNull(relation, "relation is null");
    }

    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        writer.print(relation);
        writer.setNeedWhitespace(true);
    }
}
