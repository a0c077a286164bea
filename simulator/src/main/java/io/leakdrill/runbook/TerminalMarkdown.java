package io.leakdrill.runbook;

import io.leakdrill.console.TextWrap;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the Markdown our runbooks use as plain terminal text: underlined headings, paragraphs and list items
 * wrapped to a width with hanging indents, code blocks indented and left as they are.
 */
public final class TerminalMarkdown {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
    private static final Pattern ITEM = Pattern.compile("^(\\s*)([-*+]|\\d+[.)])\\s+(.*)$");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)]+)\\)");
    private static final Pattern STRONG = Pattern.compile("\\*\\*([^*]+)\\*\\*|__([^_]+)__");

    private final int width;

    public TerminalMarkdown(int width) {
        this.width = Math.max(40, width);
    }

    public String render(String markdown) {
        List<String> out = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        String indent = "";
        String firstPrefix = "";
        boolean inCode = false;
        for (String line : markdown.replace("\r", "").split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                flush(out, paragraph, firstPrefix, indent);
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                out.add("    " + line);
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            Matcher item = ITEM.matcher(line);
            if (line.isBlank()) {
                flush(out, paragraph, firstPrefix, indent);
                blank(out);
            } else if (heading.matches()) {
                flush(out, paragraph, firstPrefix, indent);
                String title = inline(heading.group(2).strip());
                blank(out);
                out.add(title);
                if (heading.group(1).length() <= 2) {
                    out.add((heading.group(1).length() == 1 ? "=" : "-").repeat(title.length()));
                }
            } else if (item.matches()) {
                flush(out, paragraph, firstPrefix, indent);
                String nesting = "  ".repeat(item.group(1).length() / 2);
                String marker = item.group(2).matches("\\d+[.)]") ? item.group(2) : "-";
                firstPrefix = "  " + nesting + marker + " ";
                indent = " ".repeat(firstPrefix.length());
                paragraph.append(item.group(3).strip());
            } else if (paragraph.length() > 0) {
                paragraph.append(' ').append(line.strip());
            } else {
                firstPrefix = "";
                indent = "";
                paragraph.append(line.strip());
            }
        }
        flush(out, paragraph, firstPrefix, indent);
        while (!out.isEmpty() && out.get(0).isEmpty()) {
            out.remove(0);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return String.join("\n", out);
    }

    private static void blank(List<String> out) {
        if (!out.isEmpty() && !out.get(out.size() - 1).isEmpty()) {
            out.add("");
        }
    }

    private void flush(List<String> out, StringBuilder paragraph, String firstPrefix, String indent) {
        if (paragraph.length() == 0) {
            return;
        }
        out.addAll(TextWrap.hanging(inline(paragraph.toString()), firstPrefix, indent, width));
        paragraph.setLength(0);
    }

    // Backticks stay: they mark what to type. Emphasis markers go, and a link keeps its address in brackets.
    private static String inline(String text) {
        String plain = LINK.matcher(text).replaceAll("$1 <$2>");
        Matcher strong = STRONG.matcher(plain);
        StringBuilder result = new StringBuilder();
        while (strong.find()) {
            strong.appendReplacement(result, Matcher.quoteReplacement(strong.group(1) != null ? strong.group(1)
                    : strong.group(2)));
        }
        strong.appendTail(result);
        return result.toString();
    }
}
