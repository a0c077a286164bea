package io.leakdrill.drill;

/** Where asynchronous drill events (alerts, messages, CRM crashes) are shown to the trainee. */
public interface EventSink {

    void show(String line);
}
