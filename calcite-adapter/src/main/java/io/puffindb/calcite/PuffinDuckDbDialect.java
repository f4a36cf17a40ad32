package io.puffindb.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlJoin;
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

    /**
     * SINGLE_VALUE (what a scalar subquery becomes once decorrelated) does not exist in DuckDB: it is
     * written as the value of the one row, failing as DuckDB does when there are several. An aggregate's
     * own ORDER BY goes inside its call, and LISTAGG is DuckDB's string_agg ({@link OrderedAggregates}). A semi or
     * anti join is DuckDB's {@code SEMI JOIN} / {@code ANTI JOIN} (DuckDB has no {@code LEFT SEMI JOIN}).
     */
    @Override
    public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        if (call.getKind() == SqlKind.SINGLE_VALUE) {
            writer.print("CASE WHEN COUNT(*) > 1 THEN error('More than one row returned by a subquery used as an expression') ELSE first(");
            call.operand(0).unparse(writer, 0, 0);
            writer.print(") END");
            writer.setNeedWhitespace(true);
            return;
        }
        if (call.getKind() == SqlKind.WITHIN_GROUP && OrderedAggregates.ordersInside(call)) {
            OrderedAggregates.unparse(writer, call);
            return;
        }
        if (call instanceof SqlJoin join && (join.getJoinType() == JoinType.LEFT_SEMI_JOIN || join.getJoinType() == JoinType.LEFT_ANTI_JOIN)) {
            unparseSemiJoin(writer, join, leftPrec, rightPrec);
            return;
        }
        if (call.getKind() == SqlKind.LISTAGG) {
            OrderedAggregates.unparseListagg(writer, call);
            return;
        }
        super.unparseCall(writer, call, leftPrec, rightPrec);
    }

    private static void unparseSemiJoin(SqlWriter writer, SqlJoin join, int leftPrec, int rightPrec) {
        SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.JOIN);
        join.getLeft().unparse(writer, leftPrec, join.getOperator().getLeftPrec());
        writer.sep(join.getJoinType() == JoinType.LEFT_SEMI_JOIN ? "SEMI JOIN" : "ANTI JOIN");
        join.getRight().unparse(writer, join.getOperator().getRightPrec(), rightPrec);
        writer.keyword("ON");
        join.getCondition().unparse(writer, leftPrec, rightPrec);
        writer.endList(frame);
    }

    /** DuckDB has no nested aggregates: an aggregate over a window function (or an aggregate) reads it from a subquery. */
    @Override
    public boolean supportsNestedAggregations() {
        return false;
    }

    /**
     * DuckDB's strings are all UTF-8 and its literals standard (no backslash escapes): a literal is
     * written as it is, never naming a character set ({@code _UTF-16LE'A'} is a syntax error there).
     */
    @Override
    public void quoteStringLiteral(StringBuilder buf, @Nullable String charsetName, String val) {
        buf.append(literalQuoteString).append(val.replace(literalEndQuoteString, literalEndQuoteString + literalEndQuoteString))
                .append(literalEndQuoteString);
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
