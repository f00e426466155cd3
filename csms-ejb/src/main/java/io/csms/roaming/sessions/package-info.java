/**
 * Partners' drivers' charging sessions (OCPI Sessions, we are the Sender): a transaction started with
 * a partner's token becomes a session the partner is told of through the outbox
 * ({@link io.csms.roaming.sessions.SessionPublications}) and can read
 * ({@link io.csms.roaming.sessions.RoamingSessions}), priced under the connector's tariff.
 */
package io.csms.roaming.sessions;
