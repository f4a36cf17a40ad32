package io.puffindb.calcite;

import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.DuckDBSqlDialect;

/** Calcite's DuckDB dialect, with what DuckDB accepts beyond it. */
public final class PuffinDuckDbDialect extends DuckDBSqlDialect {
    public static final SqlDialect INSTANCE = new PuffinDuckDbDialect();

    private PuffinDuckDbDialect() {
        super(DEFAULT_CONTEXT);
    }
}
