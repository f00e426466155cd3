/**
 * OCPP 1.6 messages (one record per {@code Action.req} / {@code Action.conf}, named as in the spec),
 * one handler per action the charger may send, and the dispatcher that routes CALLs to them.
 */
package io.csms.ocpp.v16;
