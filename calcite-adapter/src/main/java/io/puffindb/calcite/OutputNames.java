package io.puffindb.calcite;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Names every column of a rendered statement's select list as the plan's row type does. Calcite's
 * SQL writer leaves generated names ({@code EXPR$0}) out, so DuckDB would name such a column by
 * its expression, and a fragment reading another fragment's rows by name would not find it.
 */
final class OutputNames {
    private OutputNames() {
    }

    static void apply(SqlNode statement, List<String> names) {
        SqlSelect select = statement instanceof SqlOrderBy orderBy && orderBy.query instanceof SqlSelect inner ? inner
                : statement instanceof SqlSelect plain ? plain : null;
        if (select == null || select.getSelectList() == null || select.getSelectList().size() != names.size()) {
            return; // SELECT *, set operations: the columns keep their inputs' names
        }
        SqlNodeList items = select.getSelectList();
        for (int i = 0; i < items.size(); i++) {
            SqlNode item = items.get(i);
            if (item instanceof SqlIdentifier identifier && identifier.isStar()) {
                return;
            }
        }
        for (int i = 0; i < items.size(); i++) {
            SqlNode item = items.get(i);
            if (item.getKind() != SqlKind.AS) {
                items.set(i, SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, item, new SqlIdentifier(names.get(i), SqlParserPos.ZERO)));
            }
        }
    }
}
