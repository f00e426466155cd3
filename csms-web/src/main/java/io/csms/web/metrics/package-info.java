/** {@code /csms/metrics}: the CSMS's figures and alerts for a Prometheus. */
package io.csms.web.metrics;
