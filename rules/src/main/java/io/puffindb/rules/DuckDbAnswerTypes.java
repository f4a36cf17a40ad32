package io.puffindb.rules;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The types DuckDB would give the columns of a part of a plan, where they differ from the types
 * Calcite derived: Calcite's are nominal (DuckDB computes and types every aggregate the lake's
 * fragments run), so a part another database computes must send its aggregates in DuckDB's types
 * ({@code sum} of a DECIMAL is a DECIMAL(38, s), {@code avg} a DOUBLE, {@code count} a BIGINT).
 */
final class DuckDbAnswerTypes {
    private static final int WIDEST_DECIMAL = 38;

    private DuckDbAnswerTypes() {
    }

    static List<RelDataType> of(RelNode part) {
        return IntStream.range(0, part.getRowType().getFieldCount()).mapToObj(field -> typeOf(part, field)).toList();
    }

    private static RelDataType typeOf(RelNode node, int field) {
        if (node instanceof Filter || node instanceof Sort) {
            return typeOf(node.getInput(0), field);
        }
        if (node instanceof Project project && project.getProjects().get(field) instanceof RexInputRef reference) {
            return typeOf(project.getInput(), reference.getIndex());
        }
        if (node instanceof Aggregate aggregate && field >= aggregate.getGroupCount()) {
            return typeOf(aggregate, aggregate.getAggCallList().get(field - aggregate.getGroupCount()));
        }
        return node.getRowType().getFieldList().get(field).getType();
    }

    private static RelDataType typeOf(Aggregate aggregate, AggregateCall call) {
        RelDataTypeFactory types = aggregate.getCluster().getTypeFactory();
        SqlKind kind = call.getAggregation().getKind();
        if (kind == SqlKind.COUNT) {
            return types.createSqlType(SqlTypeName.BIGINT);
        }
        if (kind == SqlKind.AVG) {
            return types.createSqlType(SqlTypeName.DOUBLE);
        }
        RelDataType argument = aggregate.getInput().getRowType().getFieldList().get(call.getArgList().get(0)).getType();
        if ((kind == SqlKind.SUM || kind == SqlKind.SUM0) && argument.getSqlTypeName() == SqlTypeName.DECIMAL) {
            return types.createSqlType(SqlTypeName.DECIMAL, WIDEST_DECIMAL, argument.getScale());
        }
        if (kind == SqlKind.SUM || kind == SqlKind.SUM0) {
            return types.createSqlType(SqlTypeName.DOUBLE);
        }
        return argument;
    }
}
