/**
 * Live charger connections on this node: the registry of open channels, and the CALLs the CSMS
 * sends to chargers (one outstanding per charger, correlated by message id, with a timeout).
 */
package io.csms.ocpp.session;
