package io.puffindb.calcite.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SHOW TABLES} (the default schema's tables) or {@code SHOW ALL TABLES} (every schema's), as DuckDB answers them. */
public final class SqlShowTables extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("SHOW TABLES", SqlKind.OTHER);

    private final boolean all;

    public SqlShowTables(SqlParserPos pos, boolean all) {
        super(pos);
        this.all = all;
    }

    /** Whether every schema's tables are listed, not only the default schema's. */
    public boolean all() {
        return all;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of();
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword(all ? "SHOW ALL TABLES" : "SHOW TABLES");
    }
}
