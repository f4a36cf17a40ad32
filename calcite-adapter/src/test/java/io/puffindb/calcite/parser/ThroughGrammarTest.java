package io.puffindb.calcite.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;
import org.junit.jupiter.api.Test;

/** THROUGH wherever a query may stand, round trips of the text, and errors for a misplaced THROUGH. */
class ThroughGrammarTest {
    private static SqlNode parse(String sql) throws SqlParseException {
        return SqlParser.create(sql, PuffinParserConfig.config()).parseStmt();
    }

    private static List<String> endpoints(SqlNode node) {
        List<String> found = new ArrayList<>();
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlThroughSelect through) {
                    found.add(through.endpoint());
                }
                return super.visit(call);
            }
        });
        return found;
    }

    private static String unparse(SqlNode node) {
        return node.toSqlString(config -> config.withDialect(PostgresqlSqlDialect.DEFAULT).withIndentation(0)).getSql().replaceAll("\\s+", " ");
    }

    @Test
    void topLevel() throws Exception {
        SqlNode query = parse("SELECT * THROUGH 'http://127.0.0.1:8081' FROM remote_table WHERE x > 1");
        SqlThroughSelect through = assertInstanceOf(SqlThroughSelect.class, query);
        assertEquals("http://127.0.0.1:8081", through.endpoint());
        assertEquals("SELECT * THROUGH 'http://127.0.0.1:8081' FROM \"remote_table\" WHERE \"x\" > 1", unparse(query));
    }

    @Test
    void everywhereAQueryMayStand() throws Exception {
        assertEquals(List.of("lambda"), endpoints(parse("SELECT r.a FROM (SELECT a THROUGH 'lambda' FROM t) AS r")));
        assertEquals(List.of("monostore"), endpoints(parse("WITH c AS (SELECT a THROUGH 'monostore' FROM t) SELECT * FROM c")));
        assertEquals(List.of("http://h:1"), endpoints(parse("SELECT * FROM t WHERE a IN (SELECT b THROUGH 'http://h:1' FROM u)")));
        assertEquals(List.of("client"), endpoints(parse("SELECT * FROM t WHERE EXISTS (SELECT 1 THROUGH 'client' FROM u WHERE u.b = t.a)")));
        assertEquals(List.of("lambda"), endpoints(parse("SELECT (SELECT max(b) THROUGH 'lambda' FROM u) AS m FROM t")));
        assertEquals(List.of("http://a:1", "http://b:2"),
                endpoints(parse("SELECT * THROUGH 'http://a:1' FROM (SELECT x THROUGH 'http://b:2' FROM deep) AS d")));
    }

    @Test
    void nestedThroughRoundTripsToTheSameTree() throws Exception {
        String sql = "SELECT \"d\".\"x\" THROUGH 'http://a:1' FROM (SELECT \"x\" THROUGH 'http://b:2' FROM \"deep\" WHERE \"x\" < 3) AS \"d\"";
        SqlNode query = parse(sql);
        String text = unparse(query);
        assertEquals(sql, text);
        assertEquals(text, unparse(parse(text)));
    }

    @Test
    void orderByAndLimitStayOutsideTheThroughSelect() throws Exception {
        SqlNode query = parse("SELECT a THROUGH 'lambda' FROM t ORDER BY a LIMIT 3");
        SqlOrderBy orderBy = assertInstanceOf(SqlOrderBy.class, query);
        assertInstanceOf(SqlThroughSelect.class, orderBy.query);
    }

    @Test
    void copiesKeepTheEndpoint() throws Exception {
        SqlNode query = parse("SELECT a THROUGH 'http://h:9' FROM t WHERE a = 1");
        SqlNode copy = query.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(org.apache.calcite.sql.SqlIdentifier id) {
                return new org.apache.calcite.sql.SqlIdentifier(id.names, id.getParserPosition()); // force a copy
            }
        });
        assertEquals("http://h:9", assertInstanceOf(SqlThroughSelect.class, copy).endpoint());
        assertEquals(unparse(query), unparse(query.clone(query.getParserPosition())));
    }

    @Test
    void createTableAsThrough() throws Exception {
        SqlCreateTableAs create = assertInstanceOf(SqlCreateTableAs.class,
                parse("CREATE TABLE local_copy AS SELECT * THROUGH 'http://h:1' FROM big"));
        assertEquals("local_copy", create.name().getSimple());
        assertEquals(List.of("http://h:1"), endpoints(create.query()));
    }

    @Test
    void misplacedThroughIsAParseErrorWithLineAndColumn() {
        SqlParseException afterFrom = assertThrows(SqlParseException.class, () -> parse("SELECT *\nFROM t THROUGH 'x'"));
        assertEquals(2, afterFrom.getPos().getLineNum());
        assertEquals(8, afterFrom.getPos().getColumnNum());
        SqlParseException noList = assertThrows(SqlParseException.class, () -> parse("SELECT THROUGH 'x' FROM t"));
        assertEquals(1, noList.getPos().getLineNum());
        assertEquals(8, noList.getPos().getColumnNum());
        SqlParseException notAString = assertThrows(SqlParseException.class, () -> parse("SELECT a THROUGH lambda FROM t"));
        assertTrue(notAString.getMessage().contains("lambda"), notAString.getMessage());
    }

    @Test
    void ordinarySqlStillParses() throws Exception {
        parse("select l_returnflag, sum(l_quantity) from lineitem where l_shipdate <= date '1998-12-01' - interval '90' day "
                + "group by l_returnflag order by 1 limit 10 offset 2");
        parse("select extract(year from o_orderdate), case when a then 1 else 0 end, substring(c_phone from 1 for 2) from t");
        parse("select * from a left join b on a.x = b.y");
    }
}
