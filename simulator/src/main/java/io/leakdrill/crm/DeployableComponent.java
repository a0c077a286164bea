package io.leakdrill.crm;

/** A CRM component whose running version a deploy swaps while the CRM runs, as a patch would. */
public interface DeployableComponent {

    /** The id scenarios and `deploy` use for it. */
    String component();

    /** Switches to the named version; false if the component has no such version. */
    boolean deploy(String version);

    /** The implementation now running, as the deploy log shows it. */
    String implementation();
}
