package io.puffindb.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's expression builder, folding a boolean constant cast to text as DuckDB does:
 * {@code CAST(TRUE AS VARCHAR)} is {@code 'true'} in DuckDB, where Calcite folds it into {@code 'TRUE'}.
 * Every other cast folds as Calcite's does (with DuckDB's rounding, from {@link PuffinTypeSystem}).
 */
final class DuckDbRexBuilder extends RexBuilder {
    DuckDbRexBuilder(RelDataTypeFactory typeFactory) {
        super(typeFactory);
    }

    @Override
    public RexNode makeCast(SqlParserPos pos, RelDataType type, RexNode exp, boolean matchNullability, boolean safe,
            @Nullable RexLiteral format) {
        if (exp instanceof RexLiteral literal && literal.getTypeName() == SqlTypeName.BOOLEAN && !literal.isNull()
                && SqlTypeUtil.inCharFamily(type)) {
            RelDataType typed = matchNullability ? typeFactory.createTypeWithNullability(type, false) : type;
            return makeLiteral(Boolean.TRUE.equals(literal.getValueAs(Boolean.class)) ? "true" : "false", typed, true);
        }
        return super.makeCast(pos, type, exp, matchNullability, safe, format);
    }
}
