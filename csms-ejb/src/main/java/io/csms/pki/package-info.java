/**
 * The CSMS's own certificate authority: it signs the certificates chargers ask for (OCPP 1.6 security
 * extension SignCertificate) and is the trust anchor for security-profile-3 client certificates.
 */
package io.csms.pki;
