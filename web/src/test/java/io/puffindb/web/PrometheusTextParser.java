package io.puffindb.web;

import static java.lang.String.format;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus' text exposition format 0.0.4, for tests: it refuses what a scraper
 * would refuse or misread (a malformed name, label or value, a sample before its family's TYPE, a family
 * declared twice or split, a duplicate series, a sample whose name its family's type does not allow, a
 * negative counter, histogram buckets that are not cumulative or lack +Inf, a text not ending in a newline).
 */
final class PrometheusTextParser {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /** One sample: its name, its labels (sorted), its value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    /** A metric family: its type, its help text, its samples in order. */
    record Family(String name, String type, String help, List<Sample> samples) {
        double value(String sampleName, Map<String, String> labels) {
            return samples.stream().filter(sample -> sample.name().equals(sampleName) && sample.labels().equals(new TreeMap<>(labels)))
                    .mapToDouble(Sample::value).findFirst().orElseThrow(() -> new AssertionError(format("no sample %s%s", sampleName, labels)));
        }

        double value(String sampleName) {
            return value(sampleName, Map.of());
        }

        double valueOr(String sampleName, Map<String, String> labels, double otherwise) {
            return samples.stream().filter(sample -> sample.name().equals(sampleName) && sample.labels().equals(new TreeMap<>(labels)))
                    .mapToDouble(Sample::value).findFirst().orElse(otherwise);
        }
    }

    private final Map<String, Family> families = new LinkedHashMap<>();
    private final Map<String, String> helps = new LinkedHashMap<>();
    private final Set<String> series = new HashSet<>();
    private Family current;
    private int lineNumber;

    private PrometheusTextParser() {
    }

    static Map<String, Family> parse(String text) {
        PrometheusTextParser parser = new PrometheusTextParser();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the text does not end with a line feed");
        }
        for (String line : text.split("\n", -1)) {
            parser.lineNumber++;
            parser.line(line);
        }
        parser.families.values().forEach(PrometheusTextParser::checkFamily);
        return parser.families;
    }

    private void line(String line) {
        if (line.isEmpty()) {
            return;
        }
        if (line.startsWith("#")) {
            comment(line);
            return;
        }
        sample(line);
    }

    private void comment(String line) {
        String[] parts = line.split(" ", 4);
        if (parts.length < 3 || !parts[0].equals("#") || !(parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
            return; // an ordinary comment
        }
        String name = name(parts[2], METRIC_NAME);
        String rest = parts.length == 4 ? parts[3] : "";
        if (parts[1].equals("HELP")) {
            if (helps.put(name, unescapeHelp(rest)) != null) {
                throw error("HELP for %s given twice", name);
            }
            return;
        }
        if (!TYPES.contains(rest)) {
            throw error("unknown type '%s'", rest);
        }
        if (families.containsKey(name)) {
            throw error("TYPE for %s given twice, or its family is split", name);
        }
        current = new Family(name, rest, helps.getOrDefault(name, ""), new ArrayList<>());
        families.put(name, current);
    }

    private void sample(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = name(line.substring(0, i), METRIC_NAME);
        Map<String, String> labels = new TreeMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i = labels(line, i + 1, labels);
        }
        if (i >= line.length() || line.charAt(i) != ' ') {
            throw error("no value after %s", name);
        }
        String[] valueAndTime = line.substring(i + 1).split(" ", -1);
        if (valueAndTime.length > 2) {
            throw error("more than a value and a timestamp: '%s'", line.substring(i + 1));
        }
        double value = value(valueAndTime[0]);
        if (valueAndTime.length == 2) {
            try {
                Long.parseLong(valueAndTime[1]);
            } catch (NumberFormatException e) {
                throw error("timestamp '%s' is not an integer", valueAndTime[1]);
            }
        }
        Family family = familyOf(name, labels);
        if (!series.add(name + labels)) {
            throw error("series %s%s given twice", name, labels);
        }
        family.samples().add(new Sample(name, labels, value));
    }

    // The sample's family: the current one, whose type must allow the sample's name (no TYPE before it: an error).
    private Family familyOf(String name, Map<String, String> labels) {
        if (current == null) {
            throw error("sample %s before any TYPE", name);
        }
        String family = current.name();
        boolean fits = switch (current.type()) {
            case "histogram" -> name.equals(family + "_bucket") && labels.containsKey("le")
                    || (name.equals(family + "_sum") || name.equals(family + "_count")) && !labels.containsKey("le");
            case "summary" -> name.equals(family) && labels.containsKey("quantile") || name.equals(family + "_sum") || name.equals(family + "_count");
            default -> name.equals(family);
        };
        if (!fits) {
            throw error("sample %s does not belong to the %s family %s before it", name, current.type(), family);
        }
        return current;
    }

    private int labels(String line, int start, Map<String, String> labels) {
        int i = start;
        while (true) {
            if (i < line.length() && line.charAt(i) == '}') {
                return i + 1;
            }
            int equals = line.indexOf('=', i);
            if (equals < 0) {
                throw error("a label without '='");
            }
            String label = name(line.substring(i, equals), LABEL_NAME);
            if (equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
                throw error("label %s's value is not quoted", label);
            }
            StringBuilder value = new StringBuilder();
            int j = equals + 2;
            while (true) {
                if (j >= line.length()) {
                    throw error("label %s's value is not closed", label);
                }
                char c = line.charAt(j);
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    char escaped = j + 1 < line.length() ? line.charAt(j + 1) : ' ';
                    value.append(switch (escaped) {
                        case '\\' -> '\\';
                        case '"' -> '"';
                        case 'n' -> '\n';
                        default -> throw error("bad escape \\%s in label %s", escaped, label);
                    });
                    j += 2;
                    continue;
                }
                value.append(c);
                j++;
            }
            if (labels.put(label, value.toString()) != null) {
                throw error("label %s given twice", label);
            }
            i = j + 1;
            if (i < line.length() && line.charAt(i) == ',') {
                i++;
            } else if (i >= line.length() || line.charAt(i) != '}') {
                throw error("labels not closed by '}'");
            }
        }
    }

    private double value(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                // Java's parser also takes "1d", "0x1p3", "Infinity": Prometheus' does not.
                if (!text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    throw error("'%s' is not a sample value", text);
                }
                yield Double.parseDouble(text);
            }
        };
    }

    private String name(String name, Pattern allowed) {
        if (!allowed.matcher(name).matches()) {
            throw error("'%s' is not a valid name", name);
        }
        return name;
    }

    private String unescapeHelp(String help) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < help.length(); i++) {
            char c = help.charAt(i);
            if (c == '\\') {
                char escaped = i + 1 < help.length() ? help.charAt(i + 1) : ' ';
                text.append(switch (escaped) {
                    case '\\' -> '\\';
                    case 'n' -> '\n';
                    default -> throw error("bad escape \\%s in HELP", escaped);
                });
                i++;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static void checkFamily(Family family) {
        if (family.type().equals("counter")) {
            family.samples().forEach(sample -> {
                if (!(sample.value() >= 0)) {
                    throw new IllegalArgumentException(format("counter %s%s is %s", sample.name(), sample.labels(), sample.value()));
                }
            });
        }
        if (family.type().equals("histogram")) {
            checkHistogram(family);
        }
    }

    // Per series (labels but le): buckets cumulative in le order, one at +Inf, equal to _count.
    private static void checkHistogram(Family family) {
        Map<Map<String, String>, TreeMap<Double, Double>> buckets = new LinkedHashMap<>();
        for (Sample sample : family.samples()) {
            if (sample.name().endsWith("_bucket")) {
                Map<String, String> series = new TreeMap<>(sample.labels());
                String bound = series.remove("le");
                double le = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
                buckets.computeIfAbsent(series, s -> new TreeMap<>()).put(le, sample.value());
            }
        }
        buckets.forEach((series, counts) -> {
            double previous = 0;
            for (double count : counts.values()) {
                if (count < previous) {
                    throw new IllegalArgumentException(format("histogram %s%s: buckets are not cumulative", family.name(), series));
                }
                previous = count;
            }
            Double all = counts.get(Double.POSITIVE_INFINITY);
            if (all == null) {
                throw new IllegalArgumentException(format("histogram %s%s has no +Inf bucket", family.name(), series));
            }
            Optional<Sample> count = family.samples().stream()
                    .filter(sample -> sample.name().equals(family.name() + "_count") && sample.labels().equals(series)).findFirst();
            if (count.isEmpty() || count.get().value() != all) {
                throw new IllegalArgumentException(format("histogram %s%s: _count is not the +Inf bucket", family.name(), series));
            }
        });
    }

    private IllegalArgumentException error(String message, Object... args) {
        return new IllegalArgumentException("line " + lineNumber + ": " + format(message, args));
    }
}
