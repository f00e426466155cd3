/**
 * What the application needs from its runtime before any feature works: the database schema
 * (Flyway migrations at startup), configuration and health checks.
 */
package io.csms.platform;
