/**
 * What partners must be told, durably: every change a partner can see is written to the
 * {@code ocpi_outbox} table in the transaction that makes it ({@link io.csms.roaming.outbox.Publications}),
 * one row per partner and object, and a push worker in the OCPI door claims, sends and settles the rows
 * ({@link io.csms.roaming.outbox.Outbox}). Nothing owed to a partner waits in memory only.
 */
package io.csms.roaming.outbox;
