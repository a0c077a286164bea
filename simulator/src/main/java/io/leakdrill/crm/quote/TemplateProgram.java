package io.leakdrill.crm.quote;

import java.util.Map;

/** A compiled quote template: renders a document from the values it was not compiled with. */
public interface TemplateProgram {

    String render(Map<String, String> values);
}
