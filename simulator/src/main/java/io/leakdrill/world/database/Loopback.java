package io.leakdrill.world.database;

import org.h2.engine.SysProperties;

/** Makes H2's servers bind to loopback only; without it H2 listens on every interface. */
final class Loopback {

    private Loopback() {
    }

    static void require(String address) {
        System.setProperty("h2.bindAddress", address);
        // H2 reads the property once, when SysProperties loads. If H2 was loaded earlier with another address, its
        // server would listen beyond this machine: refuse rather than expose the CRM's data.
        if (!address.equals(SysProperties.BIND_ADDRESS)) {
            throw new IllegalStateException("H2 would bind to " + SysProperties.BIND_ADDRESS + ", not " + address
                    + "; set -Dh2.bindAddress=" + address);
        }
    }
}
