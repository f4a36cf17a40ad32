package io.puffindb.calcite.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** DuckDB's {@code DESCRIBE table} or {@code DESCRIBE query}: the columns and their types, as rows. */
public final class SqlDescribeDuckDb extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("DESCRIBE", SqlKind.OTHER);

    private final SqlNode target;
    private final SqlParserPos targetStart;

    public SqlDescribeDuckDb(SqlParserPos pos, SqlNode target, SqlParserPos targetStart) {
        super(pos);
        this.target = requireNonNull(target, "target is null");
        this.targetStart = requireNonNull(targetStart, "targetStart is null");
    }

    /** Whether a table is described (by its name), rather than a query. */
    public boolean describesTable() {
        return target instanceof SqlIdentifier;
    }

    /** Where the table's name or the query's text starts (line and column of its first token). */
    public SqlParserPos targetStart() {
        return targetStart;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(target);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("DESCRIBE");
        target.unparse(writer, 0, 0);
    }
}
