package io.leakdrill.crm.report;

import java.util.function.Supplier;

/** Where rendered pipeline reports are kept so that repeated exports do not render the same report again. */
public interface ReportCache {

    /** The cached report for the key while it is fresh; otherwise renders, keeps and returns it. */
    String get(String key, Supplier<String> render);

    int size();

    /** The implementation's name as the deploy log shows it. */
    String implementation();
}
