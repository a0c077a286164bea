package io.leakdrill.crm.quote;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;

/**
 * The class loader of one compiled quote template. A class leaves metaspace only together with its loader, so each
 * template gets a loader of its own: once nothing refers to the template, its class can be unloaded.
 */
public final class TemplateClassLoader extends ClassLoader {

    private final String templateId;
    // Kept so that a template failing at render time can say which template text it was compiled from.
    private final String source;
    private String className;
    // Kept, as generated-code loaders do, so that debuggers and agents can read the class file back.
    private byte[] classFile;
    private TemplateProgram program;

    TemplateClassLoader(String templateId, String source, ClassLoader parent) {
        super("quote-template", parent);
        this.templateId = templateId;
        this.source = source;
    }

    /** Defines the template's program class in this loader from its class file and creates its one instance. */
    synchronized TemplateProgram load(String name, byte[] generated, String[] segments) {
        Class<?> type = defineClass(name, generated, 0, generated.length);
        this.className = name;
        this.classFile = generated;
        try {
            program = (TemplateProgram) type.getConstructor(String[].class).newInstance((Object) segments);
        } catch (InstantiationException | IllegalAccessException | NoSuchMethodException e) {
            throw new IllegalStateException("template " + templateId + " did not compile", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("template " + templateId + " did not compile", e.getCause());
        }
        return program;
    }

    @Override
    public synchronized InputStream getResourceAsStream(String name) {
        if (className != null && name.equals(className.replace('.', '/').concat(".class"))) {
            return new ByteArrayInputStream(classFile);
        }
        return super.getResourceAsStream(name);
    }

    synchronized TemplateProgram program() {
        return program;
    }

    /** The first line of the template text, to name the template in errors. */
    String firstLine() {
        int end = source.indexOf('\n');
        return end < 0 ? source : source.substring(0, end);
    }

    @Override
    public String toString() {
        return "TemplateClassLoader[" + templateId + "]";
    }
}
