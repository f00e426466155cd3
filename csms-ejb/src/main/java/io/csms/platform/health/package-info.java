/** MicroProfile Health checks: liveness of the JVM, readiness of the database and schema. */
package io.csms.platform.health;
