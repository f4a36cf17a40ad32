package io.puffindb.web;

import java.util.Map;
import java.util.TreeMap;

/**
 * Writes metric families in Prometheus' text exposition format (version 0.0.4): each family's HELP and
 * TYPE, then its samples, label values escaped; a histogram as cumulative {@code _bucket}s with {@code le},
 * {@code _sum} and {@code _count}.
 */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder text = new StringBuilder(8192);

    PrometheusText family(String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    PrometheusText sample(String name, Map<String, String> labels, double value) {
        text.append(name);
        if (!labels.isEmpty()) {
            text.append('{');
            boolean first = true;
            for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
                text.append(first ? "" : ",").append(label.getKey()).append("=\"").append(escaped(label.getValue())).append('"');
                first = false;
            }
            text.append('}');
        }
        return append(value);
    }

    PrometheusText sample(String name, double value) {
        text.append(name);
        return append(value);
    }

    PrometheusText histogram(String name, String help, SecondsHistogram histogram) {
        family(name, "histogram", help);
        long[] cumulative = histogram.cumulativeCounts();
        for (int i = 0; i < SecondsHistogram.BOUNDS.length; i++) {
            sample(name + "_bucket", Map.of("le", number(SecondsHistogram.BOUNDS[i])), cumulative[i]);
        }
        long count = cumulative[cumulative.length - 1];
        sample(name + "_bucket", Map.of("le", "+Inf"), count);
        sample(name + "_sum", histogram.sum());
        return sample(name + "_count", count);
    }

    private PrometheusText append(double value) {
        text.append(' ').append(number(value)).append('\n');
        return this;
    }

    // Whole numbers without a fraction (counters of bytes stay exact up to 2^53), others as Java prints doubles.
    private static String number(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
