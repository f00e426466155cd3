package io.csms.roaming.access;

/** OCPI 2.2 interface roles: which side of a module an endpoint is (2.1.1 endpoints have none). */
public enum InterfaceRole {
    SENDER,
    RECEIVER
}
