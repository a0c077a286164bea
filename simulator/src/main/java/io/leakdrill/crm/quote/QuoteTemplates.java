package io.leakdrill.crm.quote;

import java.util.Map;

/** Renders quote documents from the template library, compiling templates as it needs them. */
public interface QuoteTemplates {

    /** The quote document for these values in UTF-8, from the template with this id (which must exist). */
    byte[] render(String templateId, Map<String, String> values);

    /** The implementation's name as the deploy log shows it. */
    String implementation();
}
