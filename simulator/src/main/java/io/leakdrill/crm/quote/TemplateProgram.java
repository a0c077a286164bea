package io.leakdrill.crm.quote;

import java.util.Map;

/** A compiled quote template: renders a document, as the mailer sends it, from the values it was not compiled with. */
public interface TemplateProgram {

    /** The document in UTF-8. */
    byte[] renderUtf8(Map<String, String> values);
}
