package io.puffindb.calcite;

import static java.lang.String.format;

import io.puffindb.calcite.functions.MacroAggregates;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.fun.SqlStringContextVariable;

/**
 * Refuses, before Calcite validates or plans a query, what would make it recurse without bound or
 * render SQL DuckDB cannot run: nesting deeper than a limit (each WITH item counts as one level below
 * the one before, since the validator resolves the chain recursively), a NUL character (DuckDB's parser
 * stops at it), session functions the service has no answer for, constructs no tier runs yet, and row
 * counts beyond BIGINT. Walks the tree with its own stack, so no input can overflow the walk itself.
 */
final class QueryShapeGuard {
    /** Deep enough for any real query (TPC-H nests under 20), shallow enough for every recursive phase after parsing. */
    static final int MAX_DEPTH = 200;

    // Calcite's string context variables (SqlStringContextVariable): nothing in DuckDB answers them alike.
    private static final Set<String> SESSION_FUNCTIONS = Set.of("USER", "CURRENT_USER", "SESSION_USER", "SYSTEM_USER", "CURRENT_ROLE",
            "CURRENT_PATH", "CURRENT_CATALOG", "CURRENT_SCHEMA");

    private QueryShapeGuard() {
    }

    /** A NUL would cut the SQL DuckDB is given: refused with its position, before parsing. */
    static void checkText(String sql) {
        int nul = sql.indexOf('\0');
        if (nul >= 0) {
            int line = 1 + (int) sql.substring(0, nul).chars().filter(c -> c == '\n').count();
            int column = nul - sql.lastIndexOf('\n', nul - 1);
            throw new PuffinException(ErrorCode.PARSE_ERROR,
                    format("Syntax error at line %d, column %d: the query contains a NUL character", line, column), line, column, null);
        }
    }

    static void checkParsed(SqlNode query) {
        Deque<Level> pending = new ArrayDeque<>();
        pending.push(new Level(query, 1));
        while (!pending.isEmpty()) {
            Level level = pending.pop();
            SqlNode node = level.node();
            if (level.depth() > MAX_DEPTH) {
                throw SqlErrors.refused(node, format("the query nests deeper than %d levels", MAX_DEPTH));
            }
            check(node);
            if (node instanceof SqlWith with) {
                List<SqlNode> items = with.withList.getList();
                for (int i = 0; i < items.size(); i++) {
                    pending.push(new Level(items.get(i), level.depth() + 1 + i));
                }
                pending.push(new Level(with.body, level.depth() + items.size()));
            } else if (node instanceof SqlNodeList list) {
                list.forEach(child -> push(pending, child, level.depth()));
            } else if (node instanceof SqlCall call) {
                call.getOperandList().forEach(child -> push(pending, child, level.depth() + 1));
            }
        }
    }

    private static void push(Deque<Level> pending, SqlNode child, int depth) {
        if (child != null) {
            pending.push(new Level(child, depth));
        }
    }

    private static void check(SqlNode node) {
        if (node.getKind() == SqlKind.UNNEST || node.getKind() == SqlKind.TABLESAMPLE) {
            throw SqlErrors.refused(node, node.getKind() + " is not supported yet");
        }
        if (isSessionFunction(node)) {
            throw SqlErrors.refused(node, node + " is not supported: the service has no SQL session to describe");
        }
        MacroAggregates.refusal(node).ifPresent(why -> {
            throw SqlErrors.refused(node, why);
        });
        if (node instanceof SqlSelect select) {
            checkRowCount(select.getFetch(), "LIMIT");
            checkRowCount(select.getOffset(), "OFFSET");
        } else if (node instanceof SqlOrderBy orderBy) {
            checkRowCount(orderBy.fetch, "LIMIT");
            checkRowCount(orderBy.offset, "OFFSET");
        }
    }

    // Written without parentheses they parse as identifiers, which the validator turns into calls.
    private static boolean isSessionFunction(SqlNode node) {
        if (node instanceof SqlIdentifier id) {
            return id.isSimple() && !id.isComponentQuoted(0) && SESSION_FUNCTIONS.contains(id.getSimple().toUpperCase(Locale.ROOT));
        }
        return node instanceof SqlCall call && call.getOperator() instanceof SqlStringContextVariable;
    }

    private static void checkRowCount(SqlNode count, String clause) {
        if (count instanceof SqlNumericLiteral literal) {
            BigDecimal value = literal.getValueAs(BigDecimal.class);
            if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                throw SqlErrors.refused(count, format("%s %s is beyond the largest row count, %d", clause, literal, Long.MAX_VALUE));
            }
        }
    }

    private record Level(SqlNode node, int depth) {
    }
}
