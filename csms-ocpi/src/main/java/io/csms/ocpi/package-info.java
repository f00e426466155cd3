/**
 * The OCPI door ({@code /ocpi}): the wire edge of roaming. Version-neutral transport pieces live
 * here (envelope, status codes); each OCPI version has its own package of DTOs and thin resources.
 */
package io.csms.ocpi;
