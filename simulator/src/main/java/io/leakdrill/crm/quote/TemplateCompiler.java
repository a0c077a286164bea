package io.leakdrill.crm.quote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles quote template text ({@code ${name}} or {@code ${name|format}} placeholders) into a new class in a new
 * {@link TemplateClassLoader}: each compiled template is a real class in metaspace, as with script engines.
 */
final class TemplateCompiler {

    private static final String PROGRAM = CompiledQuoteTemplate.class.getName();

    private final byte[] programClassFile;

    TemplateCompiler() {
        // Read once: generating bytecode per template would cost far more than defining it.
        String resource = PROGRAM.substring(PROGRAM.lastIndexOf('.') + 1) + ".class";
        try (InputStream in = TemplateCompiler.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("class file " + resource + " is missing from the CRM");
            }
            this.programClassFile = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CompiledTemplate compile(String templateId, String source) {
        TemplateClassLoader loader = new TemplateClassLoader(templateId, source,
                TemplateCompiler.class.getClassLoader());
        // A real template compiler generates a class file per template; a copy of the program's stands in for it.
        loader.load(PROGRAM, programClassFile.clone(), parse(source));
        return new CompiledTemplate(templateId, loader);
    }

    /** Literal text at even indexes, placeholders at odd ones; an unclosed {@code ${} stays literal. */
    static String[] parse(String source) {
        List<String> segments = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = source.indexOf("${", from);
            int close = open < 0 ? -1 : source.indexOf('}', open);
            if (close < 0) {
                segments.add(source.substring(from));
                return segments.toArray(String[]::new);
            }
            segments.add(source.substring(from, open));
            segments.add(source.substring(open + 2, close));
            from = close + 1;
        }
    }
}
