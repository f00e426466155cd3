/**
 * Charge detail records of partners' drivers' sessions (OCPI CDRs, we are the Sender): made once at
 * the stop and frozen ({@link io.csms.roaming.cdrs.Cdrs}), checked by business rules before anything
 * is sent (one that breaks one is held for an operator), POSTed through the outbox with the same id
 * on every retry, and readable by the partner.
 */
package io.csms.roaming.cdrs;
