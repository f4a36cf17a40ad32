package io.puffindb.calcite.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code CREATE [OR REPLACE] TABLE name AS query}: a table made from a query's result, in the engine that runs it. */
public final class SqlCreateTableAs extends SqlCreate {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

    private final SqlIdentifier name;
    private final SqlNode query;

    public SqlCreateTableAs(SqlParserPos pos, boolean replace, SqlIdentifier name, SqlNode query) {
        super(OPERATOR, pos, replace, false);
        this.name = requireNonNull(name, "name is null");
        this.query = requireNonNull(query, "query is null");
    }

    public SqlIdentifier name() {
        return name;
    }

    public SqlNode query() {
        return query;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name, query);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(getReplace() ? "CREATE OR REPLACE TABLE" : "CREATE TABLE");
        name.unparse(writer, leftPrec, rightPrec);
        writer.keyword("AS");
        writer.newlineAndIndent();
        query.unparse(writer, 0, 0);
    }
}
