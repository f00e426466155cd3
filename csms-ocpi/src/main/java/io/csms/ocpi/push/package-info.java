/**
 * Pushes to partners' Receiver interfaces: a worker drains the durable outbox of csms-ejb
 * ({@link io.csms.roaming.outbox.Outbox}), one queue per partner, loading each object's current
 * state and sending it in the partner's version. OCPP threads never wait on it.
 */
package io.csms.ocpi.push;
