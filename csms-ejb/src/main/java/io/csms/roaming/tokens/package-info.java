/**
 * The tokens of partners' drivers (OCPI Tokens, we are the Receiver): stored per party, uid and type
 * ({@link io.csms.roaming.tokens.RoamingTokens}), seen by chargers under an OCPP id tag of at most 20
 * characters ({@link io.csms.roaming.tokens.IdTagAlias}), and authorized in real time by the eMSP
 * where it asks for that ({@link io.csms.roaming.tokens.RealTimeAuthorization}).
 */
package io.csms.roaming.tokens;
