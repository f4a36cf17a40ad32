package io.puffindb.calcite;

import static java.lang.String.format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * DuckDB's {@code COLUMNS(*)} and {@code COLUMNS('regex')} in a select list: an item that holds one is
 * repeated once per column of the FROM clause it matches (the regular expression found anywhere in the
 * name, as DuckDB's {@code regexp_matches}), each copy with that column in its place, so
 * {@code min(COLUMNS('price'))} is {@code min(p_retailprice), min(ps_supplyprice)...}. The FROM clause's
 * columns are found as {@link StarColumns} finds a star's.
 */
final class ColumnsExpressions extends WithScopedShuttle {
    private static final String COLUMNS = "COLUMNS";

    private ColumnsExpressions(StarColumns starColumns) {
        super(starColumns);
    }

    /** The query with every COLUMNS(...) expanded (the same tree when it has none). */
    static SqlNode rewrite(SqlNode query, StarColumns starColumns) {
        return query.accept(new ColumnsExpressions(starColumns));
    }

    @Override
    SqlNode visitCall(SqlCall call) {
        if (call instanceof SqlSelect select) {
            expand(select);
        }
        return visitOperands(call);
    }

    private void expand(SqlSelect select) {
        List<SqlNode> items = new ArrayList<>();
        boolean expanded = false;
        for (SqlNode item : select.getSelectList()) {
            Optional<SqlCall> columns = columnsCall(item);
            if (columns.isEmpty()) {
                items.add(item);
                continue;
            }
            expanded = true;
            SqlNode argument = columns.get().operand(0);
            for (String column : matching(argument, starColumns().columns(SqlIdentifier.star(argument.getParserPosition()), select.getFrom()))) {
                items.add(FriendlySql.copy(item).accept(new SqlShuttle() {
                    @Override
                    public SqlNode visit(SqlCall call) {
                        return isColumns(call) ? new SqlIdentifier(column, call.getParserPosition()) : super.visit(call);
                    }
                }));
            }
        }
        if (expanded) {
            select.setSelectList(new SqlNodeList(items, select.getSelectList().getParserPosition()));
        }
    }

    private static List<String> matching(SqlNode argument, List<String> columns) {
        if (argument instanceof SqlIdentifier star && star.isStar()) {
            return columns;
        }
        if (!(argument instanceof SqlCharStringLiteral literal)) {
            throw SqlErrors.refused(argument, "COLUMNS(...) takes * or a regular expression as a string");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(literal.getValueAs(String.class));
        } catch (PatternSyntaxException e) {
            throw SqlErrors.refused(argument, format("COLUMNS(...): not a regular expression: %s", e.getDescription()));
        }
        List<String> matched = columns.stream().filter(column -> pattern.matcher(column).find()).toList();
        if (matched.isEmpty()) {
            throw SqlErrors.refused(argument, format("COLUMNS(%s) matches no column", literal));
        }
        return matched;
    }

    // The COLUMNS(...) call of a select item, outside any sub-query; an item holds at most one distinct one.
    private static Optional<SqlCall> columnsCall(SqlNode item) {
        List<SqlCall> found = new ArrayList<>();
        item.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (isColumns(call)) {
                    found.add(call);
                    return null;
                }
                return call.getKind() == SqlKind.SELECT ? null : super.visit(call);
            }
        });
        if (found.stream().map(call -> call.operand(0).toString()).distinct().count() > 1) {
            throw SqlErrors.refused(found.get(1), "one select item holds one COLUMNS(...) expression (several, repeated alike, at most)");
        }
        return found.stream().findFirst();
    }

    private static boolean isColumns(SqlCall call) {
        return call instanceof SqlBasicCall basic && basic.getOperator().getName().toUpperCase(Locale.ROOT).equals(COLUMNS)
                && basic.getOperator().getKind() == SqlKind.OTHER_FUNCTION && basic.operandCount() == 1;
    }
}
