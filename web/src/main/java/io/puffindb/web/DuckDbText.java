package io.puffindb.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A value as DuckDB's own CLI prints it (its cast to VARCHAR): DOUBLE 20.0 as {@code 20.0} and 1e20
 * as {@code 1e+20}, DECIMAL with all its scale ({@code 0.10}), TIMESTAMP as
 * {@code 1995-01-01 10:00:00}, NULL as {@code NULL}.
 */
final class DuckDbText {
    // DuckDB writes a floating-point number in positional notation when its decimal exponent is in this range.
    private static final int LOWEST_POSITIONAL_EXPONENT = -4;
    private static final int FIRST_SCIENTIFIC_EXPONENT = 16;

    private DuckDbText() {
    }

    /** A cell of the service's JSON answer, for a column of the SQL type {@code type} the answer names. */
    static String of(JsonNode cell, String type) {
        return of(valueOf(cell, type));
    }

    // The JSON answer's text back to the value it wrote: DOUBLE's NaN and infinities travel as text, TIMESTAMP as ISO text.
    private static Object valueOf(JsonNode cell, String type) {
        if (cell.isNull()) {
            return null;
        }
        if (cell.isContainerNode()) {
            return nested(cell);
        }
        return switch (type) {
            case "DOUBLE" -> cell.isNumber() ? cell.doubleValue() : Double.parseDouble(cell.asText());
            case "FLOAT" -> cell.isNumber() ? cell.floatValue() : Float.parseFloat(cell.asText());
            case "TIME" -> LocalTime.parse(cell.asText());
            case "TIMESTAMP", "TIMESTAMP_MILLISECOND", "TIMESTAMP_NANOSECOND", "TIMESTAMP_SECOND" -> LocalDateTime.parse(cell.asText());
            default -> type.startsWith("DECIMAL") ? cell.decimalValue() : cell.isNumber() ? cell.numberValue() : cell.asText();
        };
    }

    // A LIST, STRUCT or MAP as DuckDB's CLI prints it: [1, 2], {'a': 1, 'b': x}.
    private static String nested(JsonNode cell) {
        if (cell.isArray()) {
            List<String> items = new ArrayList<>();
            cell.forEach(item -> items.add(item.isContainerNode() ? nested(item) : item.isNull() ? "NULL" : item.asText()));
            return "[" + String.join(", ", items) + "]";
        }
        List<String> fields = new ArrayList<>();
        cell.fields().forEachRemaining(field -> fields.add("'" + field.getKey() + "': "
                + (field.getValue().isContainerNode() ? nested(field.getValue()) : field.getValue().isNull() ? "NULL" : field.getValue().asText())));
        return "{" + String.join(", ", fields) + "}";
    }

    /** A value the client's own DuckDB answered through JDBC. */
    static String of(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Double number) {
            return ofDouble(number);
        }
        if (value instanceof Float number) {
            return ofFloat(number);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Timestamp timestamp) {
            return ofTimestamp(timestamp.toLocalDateTime());
        }
        if (value instanceof LocalDateTime timestamp) {
            return ofTimestamp(timestamp);
        }
        if (value instanceof LocalTime time) {
            return ofTime(time);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return value.toString();
    }

    static String ofDouble(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return ofSpecial(Double.toString(value));
        }
        return layout(shortestDigits(value, 17, digits -> digits.doubleValue() == value), value);
    }

    static String ofFloat(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            return ofSpecial(Float.toString(value));
        }
        return layout(shortestDigits(value, 9, digits -> digits.floatValue() == value), value);
    }

    // The fewest significant digits that read back as the same number, as DuckDB writes them (Java 17's
    // toString is not always the shortest: 1e15 as a FLOAT gives 9.9999999E14).
    private static BigDecimal shortestDigits(double value, int maxDigits, Predicate<BigDecimal> readsBack) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < maxDigits; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (readsBack.test(rounded)) {
                return rounded;
            }
        }
        return exact.round(new MathContext(maxDigits, RoundingMode.HALF_EVEN));
    }

    private static String layout(BigDecimal shortest, double value) {
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal number = shortest.stripTrailingZeros();
        int exponent = number.precision() - number.scale() - 1;
        if (exponent >= LOWEST_POSITIONAL_EXPONENT && exponent < FIRST_SCIENTIFIC_EXPONENT) {
            String plain = number.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = number.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String power = String.format("%02d", Math.abs(exponent));
        return (number.signum() < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + power;
    }

    private static String ofSpecial(String javaText) {
        return switch (javaText) {
            case "NaN" -> "nan";
            case "Infinity" -> "inf";
            case "-Infinity" -> "-inf";
            default -> javaText;
        };
    }

    private static String ofTimestamp(LocalDateTime timestamp) {
        return timestamp.toLocalDate() + " " + ofTime(timestamp.toLocalTime());
    }

    // Seconds always, the fraction only as far as it has digits: 10:00:00, 10:00:00.5
    private static String ofTime(LocalTime time) {
        String seconds = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
        if (time.getNano() == 0) {
            return seconds;
        }
        String fraction = String.format("%09d", time.getNano()).substring(0, 6).replaceAll("0+$", "");
        return fraction.isEmpty() ? seconds : seconds + "." + fraction;
    }
}
