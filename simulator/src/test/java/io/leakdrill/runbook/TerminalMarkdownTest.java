package io.leakdrill.runbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TerminalMarkdownTest {

    @Test
    void headingsAreUnderlinedAndEmphasisAndLinksReadAsPlainText() {
        String text = new TerminalMarkdown(80).render("# Safe restart\n\nSee **first** the [docs](https://x.test)."
                + "\n\n## 1. Capture\nText");
        assertEquals("""
                Safe restart
                ============

                See first the docs <https://x.test>.

                1. Capture
                ----------
                Text""", text);
    }

    @Test
    void listItemsWrapWithAHangingIndentAndKeepTheirBackticks() {
        String text = new TerminalMarkdown(40).render("- Take `heap histo` twice, a few minutes apart, then diff "
                + "them with `heap diff`.\n  - nested item\n2. numbered");
        assertEquals(String.join("\n",
                "  - Take `heap histo` twice, a few",
                "    minutes apart, then diff them with",
                "    `heap diff`.",
                "    - nested item",
                "  2. numbered"), text);
    }

    @Test
    void codeBlocksAreIndentedAndNotWrapped() {
        String code = "jcmd <pid> GC.class_histogram | head -40 | sort -k3 -n -r | awk '{print $4}' | uniq -c";
        String text = new TerminalMarkdown(40).render("Run:\n```\n" + code + "\n```\nDone.");
        assertTrue(text.contains("\n    " + code + "\n"), text);
        assertTrue(text.endsWith("Done."), text);
    }

    @Test
    void noRenderedLineOfAShippedRunbookIsWiderThanTheTerminalOutsideCode() throws Exception {
        Runbooks runbooks = Runbooks.standard();
        for (String name : runbooks.names()) {
            for (String line : new TerminalMarkdown(100).render(runbooks.markdown(name).orElseThrow()).split("\n")) {
                assertTrue(line.length() <= 100 || line.startsWith("    "), name + ": " + line);
            }
        }
    }
}
