/**
 * What every HTTP door of the CSMS does the same way (security headers, a bound on request bodies),
 * written once here and applied by a thin servlet filter in each WAR.
 */
package io.csms.platform.http;
