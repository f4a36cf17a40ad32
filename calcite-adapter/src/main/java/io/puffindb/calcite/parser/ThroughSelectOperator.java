package io.puffindb.calcite.parser;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSelectOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlVisitor;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The operator of a {@link SqlThroughSelect}: Calcite's SELECT operator in all but two things — it
 * writes {@code THROUGH '<endpoint>'} just before FROM, and its copies keep the endpoint.
 * (SqlSelectOperator cannot be extended, so this delegates to it.)
 */
final class ThroughSelectOperator extends SqlSpecialOperator {
    private static final SqlSelectOperator SELECT = SqlSelectOperator.INSTANCE;

    private final String endpoint;

    ThroughSelectOperator(String endpoint) {
        super("SELECT", SqlKind.SELECT);
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
    }

    @Override
    public SqlSyntax getSyntax() {
        return SELECT.getSyntax();
    }

    @Override
    public <R> void acceptCall(SqlVisitor<R> visitor, SqlCall call, boolean onlyExpressions, SqlBasicVisitor.ArgHandler<R> argHandler) {
        SELECT.acceptCall(visitor, call, onlyExpressions, argHandler);
    }

    @Override
    public boolean argumentMustBeScalar(int ordinal) {
        return SELECT.argumentMustBeScalar(ordinal);
    }

    @Override
    public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos, @Nullable SqlNode... operands) {
        SqlSelect plain = (SqlSelect) SELECT.createCall(functionQualifier, pos, operands);
        SqlThroughSelect copy = new SqlThroughSelect(pos, (SqlNodeList) plain.getOperandList().get(0), plain.getSelectList(), plain.getFrom(),
                plain.getWhere(), plain.getGroup(), plain.getHaving(), plain.getWindowList(), plain.getQualify(), plain.getHints(), endpoint);
        copy.setOrderBy(plain.getOrderList());
        copy.setOffset(plain.getOffset());
        copy.setFetch(plain.getFetch());
        return copy;
    }

    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        boolean[] written = new boolean[1];
        SELECT.unparse(throughBeforeFrom(writer, written), call, leftPrec, rightPrec);
        if (!written[0]) {
            writeThrough(writer); // a select without FROM: THROUGH ends it
        }
    }

    // Calcite writes the select list through the real writer (nested selects there never reach this
    // proxy), so the first FROM the proxy sees is this select's own.
    private SqlWriter throughBeforeFrom(SqlWriter writer, boolean[] written) {
        return (SqlWriter) Proxy.newProxyInstance(SqlWriter.class.getClassLoader(), new Class<?>[] {SqlWriter.class}, (proxy, method, args) -> {
            if (!written[0] && method.getName().equals("sep") && args != null && args.length > 0 && "FROM".equals(args[0])) {
                written[0] = true;
                writeThrough(writer);
            }
            try {
                return method.invoke(writer, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private void writeThrough(SqlWriter writer) {
        writer.keyword("THROUGH");
        writer.literal("'" + endpoint.replace("'", "''") + "'");
    }
}
