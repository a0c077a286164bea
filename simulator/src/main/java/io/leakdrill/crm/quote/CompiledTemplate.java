package io.leakdrill.crm.quote;

import java.util.Map;

/**
 * A template ready to render. It holds the loader that owns the template's class and program, so the class and its
 * metaspace live exactly as long as the template does.
 */
record CompiledTemplate(String templateId, TemplateClassLoader loader) {

    byte[] render(Map<String, String> values) {
        try {
            return loader.program().renderUtf8(values);
        } catch (RuntimeException e) {
            throw new IllegalStateException("template " + templateId + " (" + loader.firstLine() + ") failed", e);
        }
    }
}
