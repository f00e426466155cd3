/**
 * MicroProfile Health checks: liveness of the JVM, readiness of the database and schema. Payara
 * serves them at {@code /health}; WildFly does not collect checks from EAR subdeployments
 * (WFLY-12835), so csms-web also serves them at {@code /csms/api/health}.
 */
package io.csms.platform.health;
