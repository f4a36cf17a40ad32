package io.puffindb.calcite;

import static java.lang.String.format;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Turns Calcite's parse and validation failures into errors with a code, a line and a column. */
final class SqlErrors {
    // Calcite's own wording for a missing table (Resources: objectNotFound*, tableNameNotFound).
    private static final Pattern UNKNOWN_TABLE = Pattern.compile("(?:Object|Table) '([^']+)' not found(?: within '([^']+)')?.*", Pattern.DOTALL);

    private SqlErrors() {
    }

    static PuffinException parseError(SqlParseException e) {
        SqlParserPos pos = e.getPos();
        int line = pos == null ? 0 : pos.getLineNum();
        int column = pos == null ? 0 : pos.getColumnNum();
        if (nestsTooDeeply(e)) {
            return new PuffinException(ErrorCode.PARSE_ERROR, format("Syntax error at line %d, column %d: the query nests too deeply to parse (the limit is %d levels)",
                    line, column, QueryShapeGuard.MAX_DEPTH), line, column, e);
        }
        String firstLine = e.getMessage() == null ? "Syntax error" : e.getMessage().lines().findFirst().orElse("Syntax error");
        return new PuffinException(ErrorCode.PARSE_ERROR, format("Syntax error at line %d, column %d: %s", line, column, firstLine), line, column, e);
    }

    // Calcite's parser reports its own stack overflow as a parse exception without a message.
    private static boolean nestsTooDeeply(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }

    /** A query refused before validation, pointing at the part that is the reason. */
    static PuffinException refused(SqlNode node, String why) {
        SqlParserPos pos = node.getParserPosition();
        return new PuffinException(ErrorCode.VALIDATION_ERROR, format("Error at line %d, column %d: %s", pos.getLineNum(), pos.getColumnNum(), why),
                pos.getLineNum(), pos.getColumnNum(), null);
    }

    static PuffinException invalidQuery(RuntimeException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return new PuffinException(ErrorCode.VALIDATION_ERROR, "Validation failed: " + message, e);
    }

    static PuffinException validationError(CalciteContextException e) {
        String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        Matcher unknownTable = UNKNOWN_TABLE.matcher(message);
        if (unknownTable.matches()) {
            String table = unknownTable.group(2) == null ? unknownTable.group(1) : unknownTable.group(2) + "." + unknownTable.group(1);
            return new PuffinException(ErrorCode.TABLE_NOT_FOUND, format("Table '%s' not found", table), e.getPosLine(), e.getPosColumn(), e);
        }
        return new PuffinException(ErrorCode.VALIDATION_ERROR,
                format("Error at line %d, column %d: %s", e.getPosLine(), e.getPosColumn(), message), e.getPosLine(), e.getPosColumn(), e);
    }
}
