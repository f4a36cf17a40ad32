package io.puffindb.calcite;

import static java.lang.String.format;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.util.Optional;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A request holds one statement. When a text fails to parse as one, this tells whether it is several
 * statements separated by semicolons ("select 1; select 2", which DuckDB runs one after the other), so
 * the error can say so and point at the second statement instead of reporting a syntax error there.
 */
final class SeveralStatements {
    private SeveralStatements() {
    }

    /** The refusal to give when {@code sql} parses as two or more statements. */
    static Optional<PuffinException> refusal(String sql, SqlParser.Config parserConfig) {
        SqlNodeList statements;
        try {
            statements = SqlParser.create(sql, parserConfig).parseStmtList();
        } catch (SqlParseException notStatements) {
            return Optional.empty();
        }
        if (statements.size() < 2) {
            return Optional.empty();
        }
        SqlParserPos second = statements.get(1).getParserPosition();
        return Optional.of(new PuffinException(ErrorCode.PARSE_ERROR,
                format("Syntax error at line %d, column %d: a request holds one statement, and a second one (of %d) starts here",
                        second.getLineNum(), second.getColumnNum(), statements.size()),
                second.getLineNum(), second.getColumnNum(), null));
    }
}
