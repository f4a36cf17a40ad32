package io.puffindb.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.apache.calcite.sql.dialect.DuckDBSqlDialect;

/** Calcite's DuckDB dialect, with what DuckDB accepts beyond it. */
public final class PuffinDuckDbDialect extends DuckDBSqlDialect {
    public static final SqlDialect INSTANCE = new PuffinDuckDbDialect();

    private PuffinDuckDbDialect() {
        super(DEFAULT_CONTEXT);
    }

    /** DuckDB's strings are all UTF-8 VARCHAR: no length, no CHARACTER SET clause in casts. */
    @Override
    public @Nullable SqlNode getCastSpec(RelDataType type) {
        if (SqlTypeUtil.isCharacter(type)) {
            return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, SqlParserPos.ZERO), SqlParserPos.ZERO);
        }
        return super.getCastSpec(type);
    }
}
