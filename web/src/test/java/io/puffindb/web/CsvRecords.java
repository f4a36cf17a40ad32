package io.puffindb.web;

import java.util.ArrayList;
import java.util.List;

/** An RFC 4180 reader for tests: records of fields, an unquoted empty field read as null (NULL), a quoted one as ''. */
final class CsvRecords {
    private CsvRecords() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new IllegalArgumentException("a quote inside an unquoted field at " + i);
                }
                quoted = true;
                wasQuoted = true;
            } else if (c == ',' || c == '\r' && text.startsWith("\r\n", i)) {
                record.add(wasQuoted || field.length() > 0 ? field.toString() : null);
                field.setLength(0);
                wasQuoted = false;
                if (c == '\r') {
                    records.add(record);
                    record = new ArrayList<>();
                    i++;
                }
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted || field.length() > 0 || !record.isEmpty()) {
            throw new IllegalArgumentException("the text does not end with a complete record ending in CRLF");
        }
        return records;
    }
}
