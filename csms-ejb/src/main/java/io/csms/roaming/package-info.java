/**
 * Roaming: OCPI partners, their credentials tokens (incoming as SHA-256, outgoing sealed with
 * {@link io.csms.platform.SecretBox}), the credentials handshake in both directions
 * ({@link io.csms.roaming.Registrations}), the outgoing OCPI client, the TOTP second secret and what
 * hubs report about their parties. Version-neutral except the credentials object itself.
 */
package io.csms.roaming;
