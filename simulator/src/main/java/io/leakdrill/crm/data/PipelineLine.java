package io.leakdrill.crm.data;

/** A deal with its customer's name, as pipeline pages and reports list it. */
public record PipelineLine(Deal deal, String customerName) {
}
