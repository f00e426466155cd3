package io.csms.charging;

import java.util.Set;

/** What a connector's OCPP 1.6 status says about starting or reserving on it. */
public final class ConnectorUse {

    /** States in which a new session or reservation cannot begin: in use or reserved. */
    public static final Set<String> BUSY = Set.of("Charging", "SuspendedEV", "SuspendedEVSE", "Finishing", "Reserved");

    /** States in which the connector cannot be used at all. */
    public static final Set<String> UNAVAILABLE = Set.of("Unavailable", "Faulted");

    private ConnectorUse() {}
}
