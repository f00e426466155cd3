/** OCPI 2.2.1 hubclientinfo module (Receiver): what a hub tells us about the parties connected to it. */
package io.csms.ocpi.v221.hubclientinfo;
