package io.puffindb.calcite.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.puffindb.calcite.PuffinDuckDbDialect;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

/** What DuckDB's grammar reads differently from Calcite's: // is integer division, a statement may end with ';'. */
class DuckDbGrammarTest {
    private static SqlNode parse(String sql) throws SqlParseException {
        return SqlParser.create(sql, PuffinParserConfig.config()).parseQuery();
    }

    private static String duckDb(String sql) throws SqlParseException {
        return parse(sql).toSqlString(config -> config.withDialect(PuffinDuckDbDialect.INSTANCE).withIndentation(0)).getSql()
                .replaceAll("\\s+", " ");
    }

    // The operator applied last in the (only) select item.
    private static String topOperator(String sql) throws SqlParseException {
        SqlSelect select = (SqlSelect) parse(sql);
        return ((SqlCall) select.getSelectList().get(0)).getOperator().getName();
    }

    @Test
    void doubleSlashIsIntegerDivisionNotAComment() throws Exception {
        assertEquals("SELECT 7 // 2", duckDb("select 7//2"));
        assertEquals("SELECT 7 // 2 AS \"q\", -7 // 2 AS \"r\"", duckDb("SELECT 7 // 2 AS q, -7 // 2 AS r"));
    }

    @Test
    void doubleSlashBindsLikeMultiplication() throws Exception {
        assertEquals("+", topOperator("select 2 + 7 // 2"));
        assertEquals("*", topOperator("select 8 // 2 * 2"));
        assertEquals("//", topOperator("select 2 * 7 // 2"));
        assertEquals("SELECT 8 // (2 * 2)", duckDb("select 8 // (2 * 2)"));
    }

    @Test
    void doubleDashStillStartsAComment() throws Exception {
        assertEquals("SELECT 1", duckDb("select 1 -- // not an operator\n"));
        assertEquals("SELECT 1 // 2", duckDb("select 1 /* c */ // 2"));
    }

    @Test
    void oneTrailingSemicolonEndsAStatement() throws Exception {
        assertEquals("SELECT 1", duckDb("select 1;"));
        assertEquals("SELECT 1", duckDb("select 1 ;  -- done\n  "));
        assertEquals("SELECT 1", duckDb("select 1; /* done */"));
        assertThrows(SqlParseException.class, () -> parse("select 1; select 2"));
    }
}
