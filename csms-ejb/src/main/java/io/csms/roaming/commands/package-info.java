/**
 * OCPI Commands, the CPO's Receiver side: a partner's START_SESSION, STOP_SESSION, RESERVE_NOW,
 * CANCEL_RESERVATION and UNLOCK_CONNECTOR checked, answered at once, sent to the charger as tracked
 * commands ({@link io.csms.charging.TrackedCommands}), and their CommandResult owed to the partner.
 */
package io.csms.roaming.commands;
