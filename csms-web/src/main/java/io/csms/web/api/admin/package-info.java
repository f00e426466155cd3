/** The operator API under {@code /csms/api/admin}: role admin or root; the console uses the same services. */
package io.csms.web.api.admin;
