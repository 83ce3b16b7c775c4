package dev.tune.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table with columns sized to their widest cell; numbers right-aligned. */
final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> header) {
        this.header = List.copyOf(header);
    }

    void add(List<String> row) {
        rows.add(List.copyOf(row));
    }

    List<String> lines() {
        int[] widths = new int[header.size()];
        boolean[] numeric = new boolean[header.size()];
        Arrays.fill(numeric, true);
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
        }
        for (List<String> row : rows) {
            for (int c = 0; c < widths.length; c++) {
                String cell = c < row.size() ? row.get(c) : "";
                widths[c] = Math.max(widths[c], cell.length());
                numeric[c] &= cell.isEmpty() || isNumber(cell);
            }
        }
        List<String> lines = new ArrayList<>(rows.size() + 1);
        lines.add(line(header, widths, numeric));
        for (List<String> row : rows) {
            lines.add(line(row, widths, numeric));
        }
        return lines;
    }

    private static String line(List<String> cells, int[] widths, boolean[] numeric) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String cell = c < cells.size() ? cells.get(c) : "";
            if (c > 0) {
                text.append("  ");
            }
            String pad = " ".repeat(widths[c] - cell.length());
            text.append(numeric[c] ? pad + cell : cell + (c == widths.length - 1 ? "" : pad));
        }
        return text.toString().stripTrailing();
    }

    private static boolean isNumber(String cell) {
        return cell.matches("[-+]?[0-9.]+(e[-+]?[0-9]+)?|NaN|-?Infinity");
    }
}
