/** OCPI 2.2.1 Sessions, Sender interface: partners' drivers' sessions as partners read and receive them. */
package io.csms.ocpi.v221.sessions;
