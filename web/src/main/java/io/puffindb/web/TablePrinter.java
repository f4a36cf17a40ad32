package io.puffindb.web;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints rows as an aligned table with a header, like a database CLI; numbers align right. */
final class TablePrinter {
    private TablePrinter() {
    }

    static void print(PrintStream out, List<String> header, List<String> types, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(header.get(i).length(), types.get(i).length());
        }
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
            }
        }
        String rule = rule(widths);
        out.println(rule);
        out.println(line(header, widths, new boolean[widths.length]));
        out.println(line(types, widths, new boolean[widths.length]));
        out.println(rule);
        boolean[] rightAligned = new boolean[widths.length];
        for (int i = 0; i < widths.length; i++) {
            String type = types.get(i);
            rightAligned[i] = type.contains("INT") || type.startsWith("DECIMAL") || type.equals("DOUBLE") || type.equals("FLOAT");
        }
        for (List<String> row : rows) {
            out.println(line(row, widths, rightAligned));
        }
        out.println(rule);
    }

    private static String rule(int[] widths) {
        List<String> dashes = new ArrayList<>();
        for (int width : widths) {
            dashes.add("-".repeat(width + 2));
        }
        return "+" + String.join("+", dashes) + "+";
    }

    private static String line(List<String> cells, int[] widths, boolean[] rightAligned) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            String cell = cells.get(i);
            String padding = " ".repeat(widths[i] - cell.codePointCount(0, cell.length()));
            line.append(' ').append(rightAligned[i] ? padding + cell : cell + padding).append(" |");
        }
        return line.toString();
    }
}
