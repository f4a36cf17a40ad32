package io.puffindb.calcite.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** DuckDB's {@code EXPLAIN [ANALYZE] query}: the query's placed plan (and, analyzed, what its tasks did) as rows. */
public final class SqlExplainQuery extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("EXPLAIN", SqlKind.OTHER);

    private final SqlNode query;
    private final boolean analyze;
    private final SqlParserPos queryStart;

    public SqlExplainQuery(SqlParserPos pos, SqlNode query, boolean analyze, SqlParserPos queryStart) {
        super(pos);
        this.query = requireNonNull(query, "query is null");
        this.analyze = analyze;
        this.queryStart = requireNonNull(queryStart, "queryStart is null");
    }

    /** Where the query's text starts (line and column of its first token). */
    public SqlParserPos queryStart() {
        return queryStart;
    }

    public SqlNode query() {
        return query;
    }

    /** Whether the query is run, so the plan shows what each task did. */
    public boolean analyze() {
        return analyze;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(query);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(analyze ? "EXPLAIN ANALYZE" : "EXPLAIN");
        query.unparse(writer, 0, 0);
    }
}
