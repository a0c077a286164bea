package io.leakdrill.crm.quote;

import io.leakdrill.crm.DeployableComponent;

/**
 * The deployable slot for the {@code quote-templates} component: the version the CRM started with, and the fixed
 * one swapped in when its patch is deployed.
 */
public final class QuoteTemplateSlot implements DeployableComponent {

    public static final String COMPONENT = "quote-templates";

    private final QuoteTemplateLibrary library;
    private final TemplateCompiler compiler;
    private volatile QuoteTemplates active;

    public QuoteTemplateSlot(String version, QuoteTemplateLibrary library) {
        this.library = library;
        this.compiler = new TemplateCompiler();
        this.active = "parameterized".equals(version) ? new ParameterizedQuoteTemplates(library, compiler)
                : new QuoteTemplateCache(library, compiler);
    }

    public QuoteTemplates templates() {
        return active;
    }

    @Override
    public String component() {
        return COMPONENT;
    }

    @Override
    public String implementation() {
        return templates().implementation();
    }

    @Override
    public synchronized boolean deploy(String version) {
        if ("parameterized".equals(version) && active instanceof QuoteTemplateCache original) {
            active = new ParameterizedQuoteTemplates(library, compiler);
            original.clear();
            return true;
        }
        return "parameterized".equals(version) || "original".equals(version);
    }
}
