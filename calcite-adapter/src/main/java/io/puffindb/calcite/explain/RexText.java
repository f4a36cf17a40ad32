package io.puffindb.calcite.explain;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.tier.MergeFunctions;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexFieldCollation;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexWindow;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlPostfixOperator;
import org.apache.calcite.sql.SqlPrefixOperator;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Renders a row expression as a user would write it in SQL, over the names of its input's columns:
 * {@code l_extendedprice * (1 - l_discount)} rather than Calcite's {@code *($5, -(1, $6))}.
 * For people reading a plan, not for an engine to run: types are shown only where a CAST is.
 */
public final class RexText {
    private final List<String> names;
    private final RexBuilder rexBuilder;

    /** {@code names}: the readable name of each input column, by index. */
    public RexText(List<String> names, RexBuilder rexBuilder) {
        this.names = List.copyOf(names);
        this.rexBuilder = requireNonNull(rexBuilder, "rexBuilder is null");
    }

    /** The expression in SQL terms, over the input names this renderer was given. */
    public String render(RexNode node) {
        if (node instanceof RexInputRef ref) {
            return names.get(ref.getIndex());
        }
        if (node instanceof RexLiteral literal) {
            return literal(literal);
        }
        if (node instanceof RexFieldAccess access) {
            return operand(access.getReferenceExpr(), Integer.MAX_VALUE) + "." + access.getField().getName();
        }
        if (node instanceof RexOver over) {
            return function(over.getOperator(), over.getOperands(), over.isDistinct()) + " OVER (" + window(over.getWindow()) + ")";
        }
        if (node instanceof RexCall call) {
            return call(call);
        }
        return node.toString();
    }

    /** An aggregate call over the aggregate's input, as in a select list: {@code sum(l_quantity)}, {@code count(*)}. */
    public String aggregate(AggregateCall call) {
        String name = aggregateName(call);
        String arguments = call.getArgList().isEmpty() ? "*" : call.getArgList().stream().map(names::get).collect(Collectors.joining(", "));
        String text = name + "(" + (call.isDistinct() ? "DISTINCT " : "") + arguments + ")";
        if (call.filterArg >= 0) {
            text += " FILTER (WHERE " + names.get(call.filterArg) + ")";
        }
        return text;
    }

    private static String aggregateName(AggregateCall call) {
        // $SUM0 is Calcite's sum that gives 0 over no rows; a sum of partial counts is a sum as well.
        if (call.getAggregation().getKind() == SqlKind.SUM0 || call.getAggregation() == MergeFunctions.SUM_OF_COUNTS) {
            return "sum";
        }
        return call.getAggregation().getName().toLowerCase(Locale.ROOT);
    }

    private String call(RexCall call) {
        SqlOperator operator = call.getOperator();
        List<RexNode> operands = call.getOperands();
        switch (call.getKind()) {
            case SEARCH:
                return render(RexUtil.expandSearch(rexBuilder, null, call));
            case CAST:
                // A number the validator widened (1 in 1 - l_discount) reads as the user wrote it.
                if (operands.get(0) instanceof RexLiteral literal && SqlTypeUtil.isNumeric(literal.getType()) && SqlTypeUtil.isNumeric(call.getType())) {
                    return render(literal);
                }
                return "CAST(" + render(operands.get(0)) + " AS " + call.getType() + ")";
            case CASE:
                return caseWhen(operands);
            case EXTRACT:
                return "extract(" + render(operands.get(0)) + " FROM " + render(operands.get(1)) + ")";
            case LIKE:
                return operand(operands.get(0), operator.getLeftPrec()) + " " + operator.getName() + " " + operand(operands.get(1), operator.getRightPrec());
            default:
                break;
        }
        if (operator == MergeFunctions.AVERAGE_OF_PARTIALS) {
            return operand(operands.get(0), 60) + " / " + operand(operands.get(1), 61);
        }
        if (isInfix(call)) {
            StringBuilder text = new StringBuilder(operand(operands.get(0), operator.getLeftPrec()));
            for (RexNode right : operands.subList(1, operands.size())) {
                text.append(' ').append(operator.getName()).append(' ').append(operand(right, operator.getRightPrec()));
            }
            return text.toString();
        }
        if (operator instanceof SqlPrefixOperator && operands.size() == 1) {
            String name = operator.getName();
            return name + (Character.isLetter(name.charAt(name.length() - 1)) ? " " : "") + operand(operands.get(0), operator.getRightPrec());
        }
        if (operator instanceof SqlPostfixOperator && operands.size() == 1) {
            return operand(operands.get(0), operator.getLeftPrec()) + " " + operator.getName();
        }
        return function(operator, operands, false);
    }

    // An operand of an operator binding as tightly as `precedence`: in parentheses if it binds less tightly.
    private String operand(RexNode operand, int precedence) {
        RexNode node = operand.getKind() == SqlKind.SEARCH ? RexUtil.expandSearch(rexBuilder, null, operand) : operand;
        String text = render(node);
        if (node instanceof RexCall call && !(node instanceof RexOver) && isOperator(call) && call.getOperator().getLeftPrec() < precedence) {
            return "(" + text + ")";
        }
        return text;
    }

    // Binary operators, and the date-time + and - that Calcite makes special operators.
    private static boolean isInfix(RexCall call) {
        return call.getOperands().size() >= 2 && (call.getOperator() instanceof SqlBinaryOperator
                || call.getKind() == SqlKind.PLUS || call.getKind() == SqlKind.MINUS);
    }

    private static boolean isOperator(RexCall call) {
        SqlOperator operator = call.getOperator();
        return isInfix(call) || operator instanceof SqlPrefixOperator || operator instanceof SqlPostfixOperator
                || call.getKind() == SqlKind.LIKE || operator == MergeFunctions.AVERAGE_OF_PARTIALS;
    }

    private String function(SqlOperator operator, List<RexNode> operands, boolean distinct) {
        String name = operator.getKind() == SqlKind.SUM0 ? "sum" : operator.getName().toLowerCase(Locale.ROOT);
        String arguments = operands.stream().map(this::render).collect(Collectors.joining(", "));
        if (operands.isEmpty() && operator.getKind() == SqlKind.COUNT) {
            arguments = "*";
        }
        return name + "(" + (distinct ? "DISTINCT " : "") + arguments + ")";
    }

    private String caseWhen(List<RexNode> operands) {
        StringBuilder text = new StringBuilder("CASE");
        for (int i = 0; i + 1 < operands.size(); i += 2) {
            text.append(" WHEN ").append(render(operands.get(i))).append(" THEN ").append(render(operands.get(i + 1)));
        }
        if (operands.size() % 2 == 1) {
            text.append(" ELSE ").append(render(operands.get(operands.size() - 1)));
        }
        return text.append(" END").toString();
    }

    private String window(RexWindow window) {
        StringBuilder text = new StringBuilder();
        if (!window.partitionKeys.isEmpty()) {
            text.append("PARTITION BY ").append(window.partitionKeys.stream().map(this::render).collect(Collectors.joining(", ")));
        }
        if (!window.orderKeys.isEmpty()) {
            text.append(text.isEmpty() ? "" : " ").append("ORDER BY ").append(window.orderKeys.stream().map(this::orderKey).collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    private String orderKey(RexFieldCollation key) {
        return render(key.left) + (key.getDirection() == RelFieldCollation.Direction.DESCENDING ? " DESC" : "");
    }

    private static String literal(RexLiteral literal) {
        if (literal.isNull()) {
            return "NULL";
        }
        return switch (literal.getTypeName().getFamily() == null ? "" : literal.getTypeName().getFamily().toString()) {
            case "CHARACTER" -> "'" + literal.getValueAs(String.class).replace("'", "''") + "'";
            case "NUMERIC" -> literal.getValueAs(BigDecimal.class).toPlainString();
            case "BOOLEAN" -> String.valueOf(literal.getValueAs(Boolean.class)).toUpperCase(Locale.ROOT);
            case "DATE" -> "DATE '" + literal.getValueAs(DateString.class) + "'";
            case "TIME" -> "TIME '" + literal.getValueAs(TimeString.class) + "'";
            case "TIMESTAMP" -> "TIMESTAMP '" + literal.getValueAs(TimestampString.class) + "'";
            case "INTERVAL_DAY_TIME", "INTERVAL_YEAR_MONTH" -> interval(literal);
            default -> literal.getTypeName().getName().equals("SYMBOL") ? String.valueOf(literal.getValue()) : literal.toString();
        };
    }

    // Calcite keeps an interval in milliseconds or months; the user wrote it in its own unit.
    private static String interval(RexLiteral literal) {
        SqlIntervalQualifier qualifier = requireNonNull(literal.getType().getIntervalQualifier(), "an interval literal has a qualifier");
        BigDecimal value = literal.getValueAs(BigDecimal.class).divide(qualifier.getStartUnit().multiplier, MathContext.DECIMAL64);
        return "INTERVAL '" + value.stripTrailingZeros().toPlainString() + "' " + qualifier.getStartUnit();
    }
}
