package io.leakdrill.crm.quote;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fixed template cache: one compiled template per template id, with every value, personal or not, passed when
 * the quote is rendered. The library has a handful of templates, so the cache, and metaspace, stay that size.
 */
final class ParameterizedQuoteTemplates implements QuoteTemplates {

    private final Map<String, CompiledTemplate> byTemplate = new ConcurrentHashMap<>();
    private final QuoteTemplateLibrary library;
    private final TemplateCompiler compiler;

    ParameterizedQuoteTemplates(QuoteTemplateLibrary library, TemplateCompiler compiler) {
        this.library = library;
        this.compiler = compiler;
    }

    @Override
    public byte[] render(String templateId, Map<String, String> values) {
        return byTemplate.computeIfAbsent(templateId,
                id -> compiler.compile(id, library.source(id).orElseThrow())).render(values);
    }

    @Override
    public String implementation() {
        return "ParameterizedQuoteTemplates";
    }
}
