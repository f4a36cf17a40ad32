package io.puffindb.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * DuckDB's {@code a UNION [ALL] BY NAME b} as a plain UNION: the answer's columns are a's, then b's that a
 * lacks (names matched case-insensitively, spelled as first seen), and each side selects them by name,
 * NULL for a column it lacks. A side's columns are found as {@link StarColumns} finds a star's.
 */
final class UnionByName extends WithScopedShuttle {
    // The name each side is read under in its own SELECT (it is never seen outside it).
    private static final String SIDE = "by_name";

    private UnionByName(StarColumns starColumns) {
        super(starColumns);
    }

    /** The query with every UNION BY NAME in standard form (the same tree when it has none). */
    static SqlNode rewrite(SqlNode query, StarColumns starColumns) {
        return query.accept(new UnionByName(starColumns));
    }

    // Bottom-up: a chain a BY NAME b BY NAME c is rewritten from its innermost union on.
    @Override
    SqlNode visitCall(SqlCall call) {
        SqlNode visited = visitOperands(call);
        if (!(visited instanceof SqlCall union) || (union.getOperator() != DuckDbOperators.UNION_BY_NAME
                && union.getOperator() != DuckDbOperators.UNION_ALL_BY_NAME)) {
            return visited;
        }
        SqlParserPos pos = union.getParserPosition();
        SqlNode left = union.operand(0);
        SqlNode right = union.operand(1);
        List<String> leftColumns = columnsOf(left, pos);
        List<String> rightColumns = columnsOf(right, pos);
        List<String> names = new ArrayList<>(leftColumns);
        for (String column : rightColumns) {
            if (StarColumns.named(names, column).isEmpty()) {
                names.add(column);
            }
        }
        return (union.getOperator() == DuckDbOperators.UNION_ALL_BY_NAME ? SqlStdOperatorTable.UNION_ALL : SqlStdOperatorTable.UNION)
                .createCall(pos, byName(left, leftColumns, names, pos), byName(right, rightColumns, names, pos));
    }

    private List<String> columnsOf(SqlNode side, SqlParserPos pos) {
        return starColumns().columns(SqlIdentifier.star(pos), aliased(side, pos));
    }

    private static SqlSelect byName(SqlNode side, List<String> sideColumns, List<String> names, SqlParserPos pos) {
        List<SqlNode> items = new ArrayList<>();
        for (String name : names) {
            SqlNode value = StarColumns.named(sideColumns, name)
                    .<SqlNode>map(column -> new SqlIdentifier(List.of(SIDE, column), pos))
                    .orElseGet(() -> SqlLiteral.createNull(pos));
            items.add(SqlStdOperatorTable.AS.createCall(pos, value, new SqlIdentifier(name, pos)));
        }
        return new SqlSelect(pos, null, new SqlNodeList(items, pos), aliased(side, pos), null, null, null, null, null, null, null, null, null);
    }

    private static SqlNode aliased(SqlNode side, SqlParserPos pos) {
        return SqlStdOperatorTable.AS.createCall(pos, side, new SqlIdentifier(SIDE, pos));
    }
}
