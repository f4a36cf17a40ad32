package io.puffindb.calcite;

import static java.lang.String.format;

import io.puffindb.calcite.parser.DuckDbClauses;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * DuckDB's {@code * EXCLUDE (a) REPLACE (expr AS b)} (Calcite's validator takes either, not both): the
 * star's columns after the exclusions, each as itself ({@code t.b} under {@code t.*}) or, when replaced,
 * as {@code expr AS b}, in the select list before validation.
 */
final class StarExcludeReplace extends WithScopedShuttle {
    private StarExcludeReplace(StarColumns starColumns) {
        super(starColumns);
    }

    /** The query with every such star spelled out (the same tree when it has none). */
    static SqlNode rewrite(SqlNode query, StarColumns starColumns) {
        return query.accept(new StarExcludeReplace(starColumns));
    }

    @Override
    SqlNode visitCall(SqlCall call) {
        if (call instanceof SqlSelect select && select.getSelectList().stream().anyMatch(item -> DuckDbClauses.isCall(item, DuckDbClauses.STAR_EXCLUDE_REPLACE))) {
            List<SqlNode> items = new ArrayList<>();
            for (SqlNode item : select.getSelectList()) {
                if (DuckDbClauses.isCall(item, DuckDbClauses.STAR_EXCLUDE_REPLACE)) {
                    items.addAll(expand((SqlCall) item, select.getFrom()));
                } else {
                    items.add(item);
                }
            }
            select.setSelectList(new SqlNodeList(items, select.getSelectList().getParserPosition()));
        }
        return visitOperands(call);
    }

    private List<SqlNode> expand(SqlCall mark, SqlNode from) {
        SqlCall excluded = mark.operand(0);
        SqlIdentifier star = excluded.operand(0);
        SqlNodeList replacements = mark.operand(1);
        List<String> columns = starColumns().columns(excluded, from);
        for (SqlNode replacement : replacements) {
            String name = aliasOf(replacement);
            if (StarColumns.named(columns, name).isEmpty()) {
                throw SqlErrors.refused(replacement, format("REPLACE names %s, which the star does not stand for", name));
            }
        }
        List<SqlNode> items = new ArrayList<>();
        for (String column : columns) {
            Optional<SqlNode> replaced = replacements.stream().filter(replacement -> aliasOf(replacement).equalsIgnoreCase(column)).findFirst();
            if (replaced.isPresent()) {
                SqlCall as = (SqlCall) replaced.get();
                items.add(SqlStdOperatorTable.AS.createCall(as.getParserPosition(), as.operand(0), new SqlIdentifier(column, as.getParserPosition())));
            } else {
                List<String> names = new ArrayList<>(star.names.subList(0, star.names.size() - 1));
                names.add(column);
                items.add(new SqlIdentifier(names, star.getParserPosition()));
            }
        }
        return items;
    }

    private static String aliasOf(SqlNode replacement) {
        return ((SqlIdentifier) ((SqlCall) replacement).operand(1)).getSimple();
    }
}
