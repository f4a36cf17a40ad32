package io.puffindb.calcite.parser;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code SELECT <list> THROUGH '<endpoint>' FROM ...}: a select that runs on the engine at its
 * endpoint. It unparses back to the same text, THROUGH included, and survives copies (its operator
 * carries the endpoint).
 */
public final class SqlThroughSelect extends SqlSelect {
    private final String endpoint;

    public SqlThroughSelect(SqlParserPos pos, @Nullable SqlNodeList keywordList, SqlNodeList selectList, @Nullable SqlNode from,
            @Nullable SqlNode where, @Nullable SqlNodeList groupBy, @Nullable SqlNode having, @Nullable SqlNodeList windowDecls,
            @Nullable SqlNode qualify, @Nullable SqlNodeList hints, String endpoint) {
        super(pos, keywordList, selectList, from, where, groupBy, having, windowDecls, qualify, null, null, null, hints);
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
    }

    /** {@code select} (as the grammar built it) running on {@code endpoint}. */
    public static SqlThroughSelect of(SqlSelect select, String endpoint) {
        return new SqlThroughSelect(select.getParserPosition(), (SqlNodeList) select.getOperandList().get(0), select.getSelectList(),
                select.getFrom(), select.getWhere(), select.getGroup(), select.getHaving(), select.getWindowList(), select.getQualify(),
                select.getHints(), endpoint);
    }

    /** The endpoint's text as written: a tier name or a service URL. */
    public String endpoint() {
        return endpoint;
    }

    @Override
    public SqlOperator getOperator() {
        return new ThroughSelectOperator(endpoint);
    }
}
