/**
 * The JSON API under {@code /csms/api}: drivers' app and operators' tools, authenticated with
 * MicroProfile JWT bearer tokens; authorization at the resource ({@code @RolesAllowed}).
 */
package io.csms.web.api;
