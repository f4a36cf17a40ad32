package io.puffindb.calcite.parser;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * Calcite's lenient conformance, except that string branches of different lengths (CASE, UNION)
 * are VARCHAR, as in DuckDB and PostgreSQL — not CHAR(n) padded with blanks, and that DuckDB's
 * SEMI and ANTI joins are valid.
 */
public final class PuffinConformance extends SqlDelegatingConformance {
    public static final PuffinConformance INSTANCE = new PuffinConformance();

    private PuffinConformance() {
        super(SqlConformanceEnum.LENIENT);
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    /** Calcite 1.42's validator asks this only to admit LEFT SEMI JOIN and LEFT ANTI JOIN, which DuckDB has. */
    @Override
    public boolean isLiberal() {
        return true;
    }
}
