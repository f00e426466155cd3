/**
 * Who may use which part of our OCPI API: the decision on each request (token, second secret, client
 * certificate, address, module rights, routing, throttling), made here once and handed to the OCPI
 * door as a sealed {@link io.csms.roaming.access.PartnerAccess}, the way {@code ChargerAdmission} decides
 * for chargers. The door only reads the request and maps the answer to HTTP.
 */
package io.csms.roaming.access;
