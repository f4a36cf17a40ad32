package io.puffindb.testqueries;

import io.puffindb.calcite.SqlFrontEnd;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/** Tells whether a query orders its result, so that row order matters when comparing answers. */
public final class OrderDetector {
    private OrderDetector() {
    }

    public static boolean ordersResult(String sql) {
        SqlNode query;
        try {
            query = SqlParser.create(sql, SqlFrontEnd.defaultParserConfig()).parseQuery();
        } catch (SqlParseException e) {
            return false;
        }
        if (query instanceof SqlOrderBy orderBy) {
            return orderBy.orderList != null && !orderBy.orderList.isEmpty();
        }
        return query instanceof SqlSelect select && select.getOrderList() != null && !select.getOrderList().isEmpty();
    }
}
