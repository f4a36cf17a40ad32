package io.puffindb.calcite;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Keeps a DECIMAL literal's type when the plan is written as SQL. Calcite folds
 * {@code CAST(12.345 AS DECIMAL(10,2))} into the literal {@code 12.35} typed DECIMAL(10,2), but the
 * text {@code 12.35} alone is DECIMAL(4,2) to DuckDB; such literals are written with their cast.
 */
public final class TypedLiterals {
    private TypedLiterals() {
    }

    /** The plan with such literals cast; run it before the plan is cut into fragments (it copies nodes). */
    public static RelNode keepDecimalTypes(RelNode plan) {
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode input : plan.getInputs()) {
            RelNode typed = keepDecimalTypes(input);
            changed |= typed != input;
            inputs.add(typed);
        }
        RelNode node = changed ? plan.copy(plan.getTraitSet(), inputs) : plan;
        RexBuilder rex = plan.getCluster().getRexBuilder();
        return node.accept(new RexShuttle() {
            @Override
            public RexNode visitLiteral(RexLiteral literal) {
                if (literal.getTypeName() != SqlTypeName.DECIMAL || literal.getValue() == null) {
                    return literal;
                }
                BigDecimal value = literal.getValueAs(BigDecimal.class);
                int precision = Math.max(value.precision(), value.scale() + 1);
                boolean asWritten = literal.getType().getScale() == value.scale() && literal.getType().getPrecision() == precision;
                return asWritten ? literal : rex.makeAbstractCast(literal.getType(), literal, false);
            }
        });
    }
}
