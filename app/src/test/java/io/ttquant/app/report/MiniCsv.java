package io.ttquant.app.report;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for tests: rows of fields, quoted fields unescaped; a stray quote fails. */
final class MiniCsv {
    private MiniCsv() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' && field.length() == 0) {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated quote");
                    }
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(q);
                    }
                }
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n') {
                    throw new IllegalArgumentException("text after closing quote at " + i);
                }
                continue;
            }
            if (c == '"') {
                throw new IllegalArgumentException("quote inside an unquoted field at " + i);
            }
            if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
            i++;
        }
        if (field.length() > 0 || !row.isEmpty()) {
            throw new IllegalArgumentException("last row has no line end");
        }
        return rows;
    }
}
