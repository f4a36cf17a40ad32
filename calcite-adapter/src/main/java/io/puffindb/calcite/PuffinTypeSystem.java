package io.puffindb.calcite;

import java.math.RoundingMode;
import org.apache.calcite.rel.type.DelegatingTypeSystem;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.dialect.DuckDBSqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * DuckDB's type limits (DECIMAL up to 38 digits), with ragged string branches typed VARCHAR, and SUM,
 * AVG, STDDEV and VARIANCE typed as DuckDB types them, and constants cast as DuckDB rounds them.
 */
public final class PuffinTypeSystem extends DelegatingTypeSystem {
    public static final RelDataTypeSystem INSTANCE = new PuffinTypeSystem();
    private static final int MICROSECONDS = 6;
    private static final int NANOSECONDS = 9;

    private PuffinTypeSystem() {
        super(DuckDBSqlDialect.TYPE_SYSTEM);
    }

    /**
     * DuckDB's TIMESTAMP without a precision is microseconds. Calcite's default precision, 0, was written back as
     * {@code TIMESTAMP(0)}, which DuckDB reads as its TIMESTAMP_S: {@code cast(d AS timestamp)} answered a
     * TIMESTAMP_S where DuckDB alone answers a TIMESTAMP.
     */
    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        return isTimestamp(typeName) ? MICROSECONDS : super.getDefaultPrecision(typeName);
    }

    /** DuckDB's timestamps go down to nanoseconds ({@code TIMESTAMP(9)} is its TIMESTAMP_NS). */
    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return isTimestamp(typeName) ? NANOSECONDS : super.getMaxPrecision(typeName);
    }

    private static boolean isTimestamp(SqlTypeName typeName) {
        return typeName == SqlTypeName.TIMESTAMP || typeName == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    /**
     * Calcite folds a literal's cast ({@code CAST(12.345 AS DECIMAL(10,2))}, {@code CAST(2.5 AS INTEGER)})
     * with this mode; DuckDB rounds half away from zero (12.35, 3), Calcite's default truncates (12.34, 2).
     */
    @Override
    public RoundingMode roundingMode() {
        return RoundingMode.HALF_UP;
    }

    /**
     * DuckDB's AVG, STDDEV_* and VAR_* of any number are a DOUBLE; Calcite's default keeps the argument's
     * type, and arithmetic over the aggregate was then planned (and cast) at that type:
     * {@code stddev_samp(int_column) * 1.000} became a DECIMAL(14,3) cast of DuckDB's DOUBLE (TPC-DS q39).
     */
    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
    }

    /**
     * DuckDB's SUM of an integer is a HUGEINT (DECIMAL(38,0) here, as Arrow carries it), of a
     * DECIMAL(p,s) a DECIMAL(38,s), of a floating-point number a DOUBLE. Calcite's default keeps the
     * argument's type, so {@code coalesce(sum(int_column), 0)} was cast down to INTEGER (TPC-DS q78).
     */
    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        RelDataType sum = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> typeFactory.createSqlType(SqlTypeName.DECIMAL, getMaxNumericPrecision(), 0);
            case DECIMAL -> typeFactory.createSqlType(SqlTypeName.DECIMAL, getMaxNumericPrecision(), argumentType.getScale());
            case REAL, FLOAT, DOUBLE -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
            default -> super.deriveSumType(typeFactory, argumentType);
        };
        return typeFactory.createTypeWithNullability(sum, argumentType.isNullable());
    }
}
