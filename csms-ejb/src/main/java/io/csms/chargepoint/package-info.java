/** Charge points as the operator registers them and as they report themselves: identity, boot data, online state. */
package io.csms.chargepoint;
