/** OCPI 2.1.1 Sessions, CPO interface: the session model in 2.1.1 shapes. */
package io.csms.ocpi.v211.sessions;
