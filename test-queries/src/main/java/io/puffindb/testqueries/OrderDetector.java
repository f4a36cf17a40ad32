package io.puffindb.testqueries;

import io.puffindb.calcite.SqlFrontEnd;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/** Tells whether a query orders its result, so that row order matters when comparing answers. */
public final class OrderDetector {
    private OrderDetector() {
    }

    /**
     * The result columns a query orders by, when each ORDER BY item is an output column (by name or
     * position); empty when the query does not order or an item is an expression.
     */
    public static Optional<List<Integer>> orderKeys(String sql, List<String> columnNames) {
        SqlNode query;
        try {
            query = SqlParser.create(sql, SqlFrontEnd.defaultParserConfig()).parseQuery();
        } catch (SqlParseException e) {
            return Optional.empty();
        }
        SqlNodeList orderList = query instanceof SqlOrderBy orderBy ? orderBy.orderList
                : query instanceof SqlSelect select ? select.getOrderList() : null;
        if (orderList == null || orderList.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> keys = new ArrayList<>();
        for (SqlNode item : orderList) {
            SqlNode key = item;
            while (key instanceof SqlCall call && (call.getKind() == SqlKind.DESCENDING || call.getKind() == SqlKind.NULLS_FIRST
                    || call.getKind() == SqlKind.NULLS_LAST)) {
                key = call.operand(0);
            }
            int index = -1;
            if (key instanceof SqlNumericLiteral ordinal) {
                index = ordinal.intValue(true) - 1;
            } else if (key instanceof SqlIdentifier identifier) {
                String name = identifier.names.get(identifier.names.size() - 1);
                for (int i = 0; i < columnNames.size() && index < 0; i++) {
                    if (columnNames.get(i).equalsIgnoreCase(name)) {
                        index = i;
                    }
                }
            }
            if (index < 0 || index >= columnNames.size()) {
                return Optional.empty();
            }
            keys.add(index);
        }
        return Optional.of(keys);
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
