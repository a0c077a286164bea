package io.leakdrill.crm.audit;

/** A part of the CRM that follows deal changes: told of each one, on the thread that made it. */
public interface DealChangeListener {

    void dealChanged(DealChanged change);
}
