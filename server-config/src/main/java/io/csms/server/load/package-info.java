/**
 * The load tool ({@code server-config/load}): simulated chargers over real WebSockets against a running
 * CSMS, reporting throughput, latency percentiles and errors. Run on demand, never in the test suite.
 */
package io.csms.server.load;
