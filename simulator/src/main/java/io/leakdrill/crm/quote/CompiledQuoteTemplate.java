package io.leakdrill.crm.quote;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The program every quote template compiles to: literal text and placeholders, with the formatting quotes need
 * (money, dates, line items, escaping). The template compiler never loads this class by name; it defines the class
 * afresh from its class file in a loader of its own for each template it compiles, as script and template engines
 * do with the classes they generate.
 */
public final class CompiledQuoteTemplate implements TemplateProgram {

    // Self-contained on purpose: no lambdas, inner classes or string concatenation (each would need classes of
    // its own that a template's loader would fetch from the application instead).
    private final String[] segments;
    // The literal text encoded once, when the template is compiled, so that rendering only encodes the values.
    private final byte[][] encodedLiterals;
    private final int lengthEstimate;

    /** {@code segments} alternate literal text (even indexes) and placeholders (odd indexes). */
    public CompiledQuoteTemplate(String[] segments) {
        this.segments = segments.clone();
        this.encodedLiterals = new byte[segments.length][];
        int length = 0;
        for (int i = 0; i < segments.length; i++) {
            length += segments[i].length();
            if (i % 2 == 0) {
                encodedLiterals[i] = segments[i].getBytes(StandardCharsets.UTF_8);
            }
        }
        this.lengthEstimate = length + 512;
    }

    @Override
    public byte[] renderUtf8(Map<String, String> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lengthEstimate);
        StringBuilder value = new StringBuilder(256);
        for (int i = 0; i < segments.length; i++) {
            if (i % 2 == 0) {
                out.writeBytes(encodedLiterals[i]);
            } else {
                value.setLength(0);
                appendPlaceholder(value, segments[i], values);
                out.writeBytes(value.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private void appendPlaceholder(StringBuilder out, String placeholder, Map<String, String> values) {
        int bar = placeholder.indexOf('|');
        String name = bar < 0 ? placeholder : placeholder.substring(0, bar);
        String format = bar < 0 ? "html" : placeholder.substring(bar + 1);
        String value = values.get(name);
        if (value == null) {
            value = fallback(name);
        }
        switch (format) {
            case "money":
                out.append(money(parseCents(value)));
                break;
            case "date":
                out.append(longDate(value));
                break;
            case "upper":
                escapeHtml(out, value.toUpperCase(Locale.ROOT));
                break;
            case "lines":
                lineItems(out, value, values.get("discountPercent"));
                break;
            case "total":
                total(out, value, values.get("discountPercent"));
                break;
            case "valid":
                validUntil(out, values.get("date"), value);
                break;
            case "raw":
                out.append(value);
                break;
            default:
                escapeHtml(out, value);
        }
    }

    private static String fallback(String name) {
        switch (name) {
            case "contact":
                return "Sir or Madam";
            case "validDays":
                return "30";
            case "discountPercent":
                return "0";
            default:
                return "";
        }
    }

    /** Line items arrive as {@code title<TAB>cents} rows, one per line. */
    private void lineItems(StringBuilder out, String rows, String discount) {
        int position = 1;
        int start = 0;
        while (start < rows.length()) {
            int end = rows.indexOf('\n', start);
            if (end < 0) {
                end = rows.length();
            }
            String row = rows.substring(start, end);
            int tab = row.indexOf('\t');
            if (tab > 0) {
                out.append("<tr><td>").append(position++).append("</td><td>");
                escapeHtml(out, row.substring(0, tab));
                long cents = parseCents(row.substring(tab + 1));
                out.append("</td><td class=\"amount\">").append(money(cents)).append("</td><td class=\"amount\">")
                        .append(money(discounted(cents, discount))).append("</td></tr>\n");
            }
            start = end + 1;
        }
        if (position == 1) {
            out.append("<tr><td colspan=\"4\">No open items</td></tr>\n");
        }
    }

    private void total(StringBuilder out, String rows, String discount) {
        long sum = 0;
        int start = 0;
        while (start < rows.length()) {
            int end = rows.indexOf('\n', start);
            if (end < 0) {
                end = rows.length();
            }
            int tab = rows.indexOf('\t', start);
            if (tab > start && tab < end) {
                sum += discounted(parseCents(rows.substring(tab + 1, end)), discount);
            }
            start = end + 1;
        }
        out.append(money(sum));
        long tax = Math.round(sum * 0.0725);
        out.append(" (plus sales tax of ").append(money(tax)).append(')');
    }

    private static long discounted(long cents, String discount) {
        int percent = 0;
        if (discount != null && !discount.isEmpty()) {
            try {
                percent = Math.max(0, Math.min(60, Integer.parseInt(discount.trim())));
            } catch (NumberFormatException e) {
                percent = 0;
            }
        }
        return cents - cents * percent / 100;
    }

    private static void validUntil(StringBuilder out, String date, String days) {
        LocalDate from = parseDate(date);
        int valid = 30;
        try {
            valid = Integer.parseInt(days.trim());
        } catch (NumberFormatException e) {
            valid = 30;
        }
        out.append(from.plusDays(valid).format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.US)));
    }

    private static String longDate(String value) {
        return parseDate(value).format(DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.US));
    }

    private static LocalDate parseDate(String value) {
        if (value == null || value.length() < 10) {
            return LocalDate.of(2023, 11, 30);
        }
        int year = Integer.parseInt(value.substring(0, 4));
        int month = Integer.parseInt(value.substring(5, 7));
        int day = Integer.parseInt(value.substring(8, 10));
        return LocalDate.of(year, month, day);
    }

    private static long parseCents(String value) {
        long cents = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                cents = cents * 10 + (c - '0');
            }
        }
        return cents;
    }

    private static String money(long cents) {
        StringBuilder text = new StringBuilder("$");
        String whole = Long.toString(cents / 100);
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                text.append(',');
            }
            text.append(whole.charAt(i));
        }
        long rest = cents % 100;
        text.append('.').append(rest < 10 ? "0" : "").append(rest);
        return text.toString();
    }

    private static void escapeHtml(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '&':
                    out.append("&amp;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                default:
                    out.append(c);
            }
        }
    }
}
