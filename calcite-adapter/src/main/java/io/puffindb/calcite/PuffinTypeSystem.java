package io.puffindb.calcite;

import org.apache.calcite.rel.type.DelegatingTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.dialect.DuckDBSqlDialect;

/** DuckDB's type limits (DECIMAL up to 38 digits), with ragged string branches typed VARCHAR as DuckDB does. */
public final class PuffinTypeSystem extends DelegatingTypeSystem {
    public static final RelDataTypeSystem INSTANCE = new PuffinTypeSystem();

    private PuffinTypeSystem() {
        super(DuckDBSqlDialect.TYPE_SYSTEM);
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }
}
