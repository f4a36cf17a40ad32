package io.puffindb.calcite.parser;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * DuckDB's {@code USE schema}: unqualified table names resolve in that schema. The service keeps no
 * session between requests, so it applies to the statement that follows it in the same text
 * ({@code USE misc; SELECT * FROM people}); a client that keeps a session (the shell) sends it again.
 */
public final class SqlUseSchema extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("USE", SqlKind.OTHER);

    private final SqlIdentifier schema;
    private final SqlNode statement;
    private final SqlParserPos statementStart;

    /**
     * @param statement the statement that follows, or null when the text ends with the USE
     * @param statementStart where that statement starts (line and column of its first token), or null
     */
    public SqlUseSchema(SqlParserPos pos, SqlIdentifier schema, SqlNode statement, SqlParserPos statementStart) {
        super(pos);
        this.schema = requireNonNull(schema, "schema is null");
        this.statement = statement;
        this.statementStart = statementStart;
        if ((statement == null) != (statementStart == null)) {
            throw new IllegalArgumentException("A statement after USE needs its start, and only then");
        }
    }

    public SqlIdentifier schema() {
        return schema;
    }

    /** Where the statement that follows starts, if one does. */
    public Optional<SqlParserPos> statementStart() {
        return Optional.ofNullable(statementStart);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        List<SqlNode> operands = new ArrayList<>();
        operands.add(schema);
        if (statement != null) {
            operands.add(statement);
        }
        return operands;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("USE");
        schema.unparse(writer, 0, 0);
        if (statement != null) {
            writer.sep(";");
            statement.unparse(writer, 0, 0);
        }
    }
}
