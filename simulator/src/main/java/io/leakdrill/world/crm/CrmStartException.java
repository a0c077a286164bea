package io.leakdrill.world.crm;

/** The CRM process did not come up; the message carries the CRM's own output. */
public final class CrmStartException extends Exception {

    public CrmStartException(String message) {
        super(message);
    }
}
