package io.puffindb.web.flightsql;

import static java.lang.String.format;

import io.puffindb.executors.ArrowValues;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.SqlLiterals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Bound parameter values (one row of a DoPut's batch) as SQL literals of their exact types: a DECIMAL
 * keeps its digits, a DATE or TIMESTAMP is a typed literal, text is quoted, NULL is NULL.
 */
final class ParameterLiterals {
    private ParameterLiterals() {
    }

    static List<String> ofRow(VectorSchemaRoot parameters, int row) {
        List<String> literals = new ArrayList<>(parameters.getFieldVectors().size());
        for (FieldVector vector : parameters.getFieldVectors()) {
            literals.add(literal(vector, row));
        }
        return literals;
    }

    static String literal(FieldVector vector, int row) {
        Object value = ArrowValues.value(vector, row);
        ArrowType type = vector.getField().getType();
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean bool) {
            return bool ? "TRUE" : "FALSE";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (type instanceof ArrowType.Int && value instanceof Number number) {
            return number.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                return "CAST(" + SqlLiterals.string(String.valueOf(number)) + " AS DOUBLE)";
            }
            return "CAST(" + BigDecimal.valueOf(number).toPlainString() + " AS DOUBLE)";
        }
        if (value instanceof String text) {
            return SqlLiterals.string(text);
        }
        if (value instanceof LocalDate date) {
            return "DATE " + SqlLiterals.string(date.toString());
        }
        if (value instanceof LocalDateTime timestamp) {
            return "TIMESTAMP " + SqlLiterals.string(timestamp.toLocalDate() + " " + clock(timestamp.toLocalTime()));
        }
        if (value instanceof LocalTime time) {
            return "TIME " + SqlLiterals.string(clock(time));
        }
        throw new PuffinException(ErrorCode.UNSUPPORTED_TYPE, format("A parameter of Arrow type %s cannot be bound (value %s)", type, value));
    }

    // HH:mm:ss with the fraction only when there is one (LocalTime's own text drops zero seconds, which SQL's literals need).
    private static String clock(LocalTime time) {
        String seconds = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
        if (time.getNano() == 0) {
            return seconds;
        }
        String fraction = String.format("%09d", time.getNano()).replaceAll("0+$", "");
        return seconds + "." + fraction;
    }
}
