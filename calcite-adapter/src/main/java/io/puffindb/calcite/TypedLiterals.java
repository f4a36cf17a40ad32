package io.puffindb.calcite;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Keeps a numeric literal's type when the plan is written as SQL. Calcite folds
 * {@code CAST(12.345 AS DECIMAL(10,2))} into the literal {@code 12.35} typed DECIMAL(10,2), and
 * {@code CAST('-7' AS BIGINT)} into {@code -7} typed BIGINT, but DuckDB types the text {@code 12.35}
 * DECIMAL(4,2) and {@code -7} INTEGER; such literals are written with their cast.
 */
public final class TypedLiterals {
    private static final BigDecimal INTEGER_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INTEGER_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    private TypedLiterals() {
    }

    /** The plan with such literals cast; run it before the plan is cut into fragments (it copies nodes). */
    public static RelNode keepNumericTypes(RelNode plan) {
        List<RelNode> inputs = new ArrayList<>();
        boolean changed = false;
        for (RelNode input : plan.getInputs()) {
            RelNode typed = keepNumericTypes(input);
            changed |= typed != input;
            inputs.add(typed);
        }
        RelNode node = changed ? plan.copy(plan.getTraitSet(), inputs) : plan;
        RexBuilder rex = plan.getCluster().getRexBuilder();
        return node.accept(new RexShuttle() {
            @Override
            public RexNode visitLiteral(RexLiteral literal) {
                return readsAsTyped(literal) ? literal : rex.makeAbstractCast(literal.getType(), literal, false);
            }
        });
    }

    /** Whether DuckDB, reading this literal as Calcite writes it, gives it the literal's own type. */
    static boolean readsAsTyped(RexLiteral literal) {
        if (literal.isNull()) {
            return true;
        }
        return switch (literal.getTypeName()) {
            case DECIMAL -> {
                BigDecimal value = literal.getValueAs(BigDecimal.class);
                int precision = Math.max(value.precision(), value.scale() + 1);
                yield literal.getType().getScale() == value.scale() && literal.getType().getPrecision() == precision;
            }
            // DuckDB reads an integer that fits 32 bits as an INTEGER, a larger one as a BIGINT.
            case BIGINT -> !fitsInteger(literal.getValueAs(BigDecimal.class));
            case TINYINT, SMALLINT -> false;
            default -> true;
        };
    }

    private static boolean fitsInteger(BigDecimal value) {
        // -2147483648 is the negation of a BIGINT to DuckDB
        return value.compareTo(INTEGER_MIN) > 0 && value.compareTo(INTEGER_MAX) <= 0;
    }
}
