/** Charging transactions and their meter values: what was charged, where, by whom, how much. */
package io.csms.transaction;
