package io.puffindb.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.puffindb.lake.store.StoredObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Checks of a table format's reading: the table read through its splits, by DuckDB, against rows DuckDB makes directly. */
public final class TableReads {
    private TableReads() {
    }

    /** The table equals the expected rows as a multiset, column by column, with exact types. */
    public static void assertSameRows(Connection duckdb, String expectedSql, LakeTable table) throws Exception {
        String relation = table.scanRenderer().relation(table.splits(), StoredObject::uri);
        String columns = String.join(", ", table.columns().stream().map(column -> SqlLiterals.identifier(column.name())).toList());
        assertEquals(rows(duckdb, "SELECT " + columns + " FROM (" + expectedSql + ") ORDER BY ALL"),
                rows(duckdb, "SELECT " + columns + " FROM " + relation + " AS t ORDER BY ALL"));
        assertEquals(types(duckdb, "SELECT " + columns + " FROM (" + expectedSql + ")"), types(duckdb, "SELECT * FROM " + relation + " AS t"));
    }

    public static List<List<Object>> rows(Connection duckdb, String sql) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> types(Connection duckdb, String sql) throws Exception {
        return rows(duckdb, "SELECT column_type FROM (DESCRIBE " + sql + ")").stream().map(row -> row.get(0).toString()).toList();
    }
}
