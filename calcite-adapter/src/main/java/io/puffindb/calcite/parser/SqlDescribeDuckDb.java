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

/**
 * DuckDB's {@code DESCRIBE table-or-query} (the columns and their types, as rows) and
 * {@code SUMMARIZE table-or-query} (each column's statistics, as rows): both take the same target.
 */
public final class SqlDescribeDuckDb extends SqlCall {
    private static final SqlOperator DESCRIBE = new SqlSpecialOperator("DESCRIBE", SqlKind.OTHER);
    private static final SqlOperator SUMMARIZE = new SqlSpecialOperator("SUMMARIZE", SqlKind.OTHER);

    private final SqlNode target;
    private final SqlParserPos targetStart;
    private final boolean summarize;

    public SqlDescribeDuckDb(SqlParserPos pos, SqlNode target, SqlParserPos targetStart, boolean summarize) {
        super(pos);
        this.target = requireNonNull(target, "target is null");
        this.targetStart = requireNonNull(targetStart, "targetStart is null");
        this.summarize = summarize;
    }

    /** DuckDB's SUMMARIZE of {@code query}, as the SQL an engine runs. */
    public static SqlDescribeDuckDb summarizing(SqlNode query) {
        return new SqlDescribeDuckDb(SqlParserPos.ZERO, query, SqlParserPos.ZERO, true);
    }

    /** Whether a table is described (by its name), rather than a query. */
    public boolean describesTable() {
        return target instanceof SqlIdentifier;
    }

    /** SUMMARIZE rather than DESCRIBE. */
    public boolean summarizes() {
        return summarize;
    }

    /** Where the table's name or the query's text starts (line and column of its first token). */
    public SqlParserPos targetStart() {
        return targetStart;
    }

    @Override
    public SqlOperator getOperator() {
        return summarize ? SUMMARIZE : DESCRIBE;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(target);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        // Inside another statement (FROM (SUMMARIZE ...) AS summary) the statement is a parenthesized subquery.
        boolean nested = leftPrec > 0 || rightPrec > 0;
        SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SIMPLE, nested ? "(" : "", nested ? ")" : "");
        writer.keyword(getOperator().getName());
        target.unparse(writer, 0, 0);
        writer.endList(frame);
    }
}
