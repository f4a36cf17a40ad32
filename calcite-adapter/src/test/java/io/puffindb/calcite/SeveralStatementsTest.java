package io.puffindb.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A request holds one statement: a trailing semicolon is fine, a second statement is refused where it starts. */
class SeveralStatementsTest {
    private final SqlFrontEnd frontEnd = EmptyLake.frontEnd();

    @Test
    void aSecondStatementIsRefusedAtItsPosition() {
        PuffinException e = assertThrows(PuffinException.class, () -> frontEnd.parse("select 1;\n  select 2;"));
        assertEquals(ErrorCode.PARSE_ERROR, e.code());
        assertEquals(OptionalInt.of(2), e.line());
        assertEquals(OptionalInt.of(3), e.column());
        assertTrue(e.getMessage().contains("a request holds one statement, and a second one (of 2) starts here"), e.getMessage());
    }

    @Test
    void oneStatementMayEndWithASemicolon() {
        assertEquals("SELECT 1", frontEnd.parse("select 1;").toString());
    }

    @Test
    void aSyntaxErrorInOneStatementIsStillASyntaxError() {
        PuffinException e = assertThrows(PuffinException.class, () -> frontEnd.parse("select 1 +; select 2"));
        assertEquals(ErrorCode.PARSE_ERROR, e.code());
        assertEquals(OptionalInt.of(10), e.column());
        assertFalse(e.getMessage().contains("one statement"), e.getMessage());
    }
}
