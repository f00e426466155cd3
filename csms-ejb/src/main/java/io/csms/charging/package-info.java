/**
 * Charging on a driver's behalf: remote start and stop with the driver's id tag, the commands'
 * fate until the charger starts (or never does), the driver's sessions and their live meter values.
 */
package io.csms.charging;
