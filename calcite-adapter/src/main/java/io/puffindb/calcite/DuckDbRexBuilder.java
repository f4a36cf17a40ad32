package io.puffindb.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.TimestampString;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's expression builder, folding a boolean constant cast to text as DuckDB does:
 * {@code CAST(TRUE AS VARCHAR)} is {@code 'true'} in DuckDB, where Calcite folds it into {@code 'TRUE'};
 * and a timestamp's text cast to TIMESTAMP keeps its microseconds (Calcite's folding goes through
 * milliseconds: {@code '...09.123456'} became {@code ...09.123}).
 * Every other cast folds as Calcite's does (with DuckDB's rounding, from {@link PuffinTypeSystem}).
 */
final class DuckDbRexBuilder extends RexBuilder {
    // A timestamp's text with up to nanoseconds, as DuckDB reads it ('T' or a space between date and time).
    private static final Pattern TIMESTAMP_TEXT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)");

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
        if (exp instanceof RexLiteral literal && SqlTypeUtil.inCharFamily(literal.getType()) && !literal.isNull()
                && type.getSqlTypeName() == SqlTypeName.TIMESTAMP) {
            Matcher timestamp = TIMESTAMP_TEXT.matcher(String.valueOf(literal.getValueAs(String.class)).trim());
            if (timestamp.matches()) {
                RexLiteral folded = makeTimestampLiteral(new TimestampString(timestamp.group(1) + " " + timestamp.group(2)), type.getPrecision());
                return matchNullability ? folded : makeAbstractCast(pos, type, folded, false);
            }
        }
        return super.makeCast(pos, type, exp, matchNullability, safe, format);
    }
}
