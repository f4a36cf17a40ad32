package io.puffindb.calcite.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * How the parser marks DuckDB's clauses that Calcite's tree has no place for: GROUP BY ALL, ORDER BY ALL
 * DISTINCT ON and * EXCLUDE (...) REPLACE (...). The marks never reach validation: FriendlySql and
 * StarExcludeReplace rewrite them into standard clauses.
 */
public final class DuckDbClauses {
    /** The only item of a GROUP BY ALL. */
    public static final SqlSpecialOperator GROUP_BY_ALL = new SqlSpecialOperator("GROUP BY ALL", SqlKind.OTHER);
    /** An ORDER BY ALL item, inside DESC / NULLS FIRST / NULLS LAST calls like any other item. */
    public static final SqlSpecialOperator ORDER_BY_ALL = new SqlSpecialOperator("ORDER BY ALL", SqlKind.OTHER);
    /** DISTINCT ON (keys): in the QUALIFY slot of its SELECT, ANDed with the query's own QUALIFY. */
    public static final SqlSpecialOperator DISTINCT_ON = new SqlSpecialOperator("DISTINCT ON", SqlKind.OTHER);

    /** {@code * EXCLUDE (...) REPLACE (...)}: the star with its exclusions, then the replacements. */
    public static final SqlSpecialOperator STAR_EXCLUDE_REPLACE = new SqlSpecialOperator("* EXCLUDE REPLACE", SqlKind.OTHER);

    private DuckDbClauses() {
    }

    public static SqlNodeList groupByAll(SqlParserPos pos) {
        return new SqlNodeList(List.of(GROUP_BY_ALL.createCall(pos)), pos);
    }

    public static SqlNode orderByAll(SqlParserPos pos) {
        return ORDER_BY_ALL.createCall(pos);
    }

    /** The QUALIFY of a SELECT DISTINCT ON (keys) whose own QUALIFY is {@code qualify} (or null). */
    public static SqlNode distinctOn(SqlNodeList keys, SqlNode qualify) {
        SqlCall mark = DISTINCT_ON.createCall(keys.getParserPosition(), keys.getList());
        return qualify == null ? mark : SqlStdOperatorTable.AND.createCall(keys.getParserPosition(), mark, qualify);
    }

    public static SqlNode excludeReplace(SqlNode excluded, SqlNodeList replacements) {
        return STAR_EXCLUDE_REPLACE.createCall(SqlParserPos.sum(List.of(excluded, replacements)), excluded, replacements);
    }

    public static boolean isCall(SqlNode node, SqlSpecialOperator mark) {
        return node instanceof SqlCall call && call.getOperator() == mark;
    }
}
