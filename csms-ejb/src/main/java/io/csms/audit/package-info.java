/** The audit trail: who did what, when, from where, with what outcome. Never secrets. */
package io.csms.audit;
