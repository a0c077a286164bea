package io.leakdrill.crm.quote;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The template cache as shipped with personalised quotes: the customer's details are merged into the template's
 * text first, so the layout team can place them anywhere, and the merged text is compiled once and cached by that
 * text. Every quote has its own number, so every quote compiles a template of its own, and nothing ever leaves.
 */
final class QuoteTemplateCache implements QuoteTemplates {

    private static final List<String> MERGED_FIELDS = List.of("quoteNumber", "customer", "contact", "rep", "date");

    // Static so that every request thread shares one cache: compiling is the slow part of rendering a quote.
    private static final Map<String, CompiledTemplate> COMPILED = new ConcurrentHashMap<>();

    private final QuoteTemplateLibrary library;
    private final TemplateCompiler compiler;

    QuoteTemplateCache(QuoteTemplateLibrary library, TemplateCompiler compiler) {
        this.library = library;
        this.compiler = compiler;
    }

    @Override
    public byte[] render(String templateId, Map<String, String> values) {
        String merged = merge(library.source(templateId).orElseThrow(), values);
        CompiledTemplate template = COMPILED.get(merged);
        if (template == null) {
            // Compiled outside the map: a slow compile must not block other quotes hashing to the same bin.
            CompiledTemplate compiled = compiler.compile(templateId, merged);
            template = COMPILED.putIfAbsent(merged, compiled);
            template = template == null ? compiled : template;
        }
        return template.render(values);
    }

    private static String merge(String source, Map<String, String> values) {
        String text = source;
        for (String field : MERGED_FIELDS) {
            text = text.replace("${" + field + "}", values.getOrDefault(field, ""));
        }
        return text;
    }

    @Override
    public String implementation() {
        return "QuoteTemplateCache";
    }

    /** Hands over to a fixed implementation: the static map lets go of every template, loader and class. */
    void clear() {
        COMPILED.clear();
    }
}
