package io.stateway.bench.durable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text table: the first column left-aligned, the others right-aligned. */
final class Table {

    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header);
    }

    Table row(Object... cells) {
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = format(cells[i]);
        }
        rows.add(text);
        return this;
    }

    static String format(Object value) {
        return switch (value) {
            case Double d when d >= 100 -> String.format(Locale.ROOT, "%,.0f", d);
            case Double d -> String.format(Locale.ROOT, "%,.2f", d);
            case Integer i -> String.format(Locale.ROOT, "%,d", i);
            case Long l -> String.format(Locale.ROOT, "%,d", l);
            default -> String.valueOf(value);
        };
    }

    String render() {
        int columns = rows.getFirst().length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = row[i];
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(i == 0 ? cell + pad : pad + cell).append(i == columns - 1 ? "" : "  ");
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                StringBuilder rule = new StringBuilder();
                for (int i = 0; i < columns; i++) {
                    rule.append("-".repeat(widths[i])).append(i == columns - 1 ? "" : "  ");
                }
                out.append(rule).append('\n');
            }
        }
        return out.toString();
    }
}
