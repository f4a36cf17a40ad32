package io.puffindb.testqueries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.puffindb.web.PuffinConfig;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code "params"} of {@code POST /v1/query} over real HTTP: each answer equals DuckDB alone running the
 * same statement with the same values bound by its own prepared statement; a missing, surplus or
 * ill-typed value is a 400 naming its parameter.
 */
class HttpParametersTest {
    @TempDir
    static Path lake;
    static CheckedService puffin;
    static PuffinClient client;

    @BeforeAll
    static void start() throws Exception {
        puffin = CheckedService.start(lake, PuffinConfig.embedded(lake, 0, 2), "tpch");
        client = new PuffinClient(URI.create("http://127.0.0.1:" + puffin.service().port()));
    }

    @AfterAll
    static void stop() throws Exception {
        puffin.close();
    }

    private static Map<String, String> typed(String type, String value) {
        return Map.of("type", type, "value", value);
    }

    /** PuffinDB's answer to {@code sql} with {@code json} values equals DuckDB's to {@code duckDbSql} with {@code java} values. */
    private static void assertSameAnswer(String sql, List<?> json, String duckDbSql, List<Object> java) throws Exception {
        PuffinClient.Answer answer = client.query(sql, json, puffin.allocator());
        assertNull(answer.error(), () -> "PuffinDB failed: " + answer.error());
        ResultTable expected = puffin.oracle().run(duckDbSql, java, puffin.allocator());
        assertTrue(expected.rows().size() > 0, "a case with no rows would prove little: " + duckDbSql);
        ResultComparator.differences(expected, answer.result(), true).ifPresent(difference -> fail(sql + ": " + difference));
    }

    @Test
    void questionMarksAndNumberedMarkersBindDatesAndText() throws Exception {
        // The first ? is $1: the two forms mix.
        String sql = "select o_orderkey, o_totalprice, o_orderdate from orders where o_orderdate >= ? and o_orderdate < $2 and o_orderstatus = $3 "
                + "order by o_orderkey";
        assertSameAnswer(sql, List.of(typed("DATE", "1995-03-01"), typed("date", "1995-03-15"), "F"),
                sql.replace("?", "$1"), List.of(LocalDate.parse("1995-03-01"), LocalDate.parse("1995-03-15"), "F"));
    }

    @Test
    void decimalsKeepTheirDigitsAndIntegersStayIntegers() throws Exception {
        String sql = "select l_orderkey, l_linenumber, l_extendedprice from lineitem where l_extendedprice > $1 and l_quantity >= $2 "
                + "and l_orderkey < $3 order by l_orderkey, l_linenumber";
        assertSameAnswer(sql, List.of(typed("DECIMAL", "50000.50"), 45, 3000),
                sql, List.of(new BigDecimal("50000.50"), 45, 3000));
    }

    @Test
    void booleansNullsDoublesTimestampsAndARepeatedMarker() throws Exception {
        String sql = "select o_orderkey, $1 as flag, $2 is null as missing, o_totalprice * $3 as scaled, o_orderdate "
                + "from orders where cast(o_orderdate as timestamp) = $4 or o_orderkey = $5 or o_orderkey = $5 + 1 order by o_orderkey";
        assertSameAnswer(sql, Arrays.asList(true, null, 0.5, typed("TIMESTAMP", "1996-01-02 00:00:00"), 7),
                sql, Arrays.asList(true, null, 0.5, LocalDateTime.parse("1996-01-02T00:00:00"), 7));
    }

    @Test
    void aMarkerInsideTextOrACommentIsNoParameter() throws Exception {
        String sql = "select n_name, '?' as q, '$1' as d from nation -- is $2 here?\nwhere n_nationkey = ? order by n_name";
        assertSameAnswer(sql, List.of(3), sql.replace("= ?", "= $1"), List.of(3));
    }

    @Test
    void aMissingValueIs400NamingItsParameter() throws Exception {
        PuffinClient.ServiceError error = client.query("select * from nation where n_nationkey = $1 and n_regionkey = $2", List.of(1), puffin.allocator()).error();
        assertBadRequest(error, "$2");
    }

    @Test
    void aSurplusValueIs400() throws Exception {
        PuffinClient.ServiceError error = client.query("select * from nation where n_nationkey = ?", List.of(1, 2), puffin.allocator()).error();
        assertBadRequest(error, "Value 2 stands for no parameter");
    }

    @Test
    void aValueNotOfItsTypeIs400NamingItsParameter() throws Exception {
        PuffinClient.ServiceError badDate = client.query("select * from orders where o_orderkey = $1 and o_orderdate = $2",
                List.of(1, typed("DATE", "1995-13-45")), puffin.allocator()).error();
        assertBadRequest(badDate, "Parameter $2: '1995-13-45' is not a DATE");
        PuffinClient.ServiceError unknownType = client.query("select ?", List.of(typed("GEOMETRY", "POINT(1 2)")), puffin.allocator()).error();
        assertBadRequest(unknownType, "Parameter $1: type GEOMETRY");
        PuffinClient.ServiceError array = client.query("select ?", List.of(List.of(1, 2)), puffin.allocator()).error();
        assertBadRequest(array, "Parameter $1: [1,2] is not a parameter value");
    }

    private static void assertBadRequest(PuffinClient.ServiceError error, String named) {
        assertNotNull(error, "expected an error");
        assertEquals(400, error.status(), error.toString());
        assertEquals("BAD_REQUEST", error.code(), error.toString());
        assertTrue(error.message().contains(named), error.message());
    }
}
