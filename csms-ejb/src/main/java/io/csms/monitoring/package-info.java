/**
 * What the operator is warned of (repeated authentication failures, failing pushes to a partner,
 * unusual CDR volumes, chargers offline or faulted), shown on the console's dashboard and exposed
 * with the system's figures as metrics for a Prometheus (Micrometer, on both servers).
 */
package io.csms.monitoring;
