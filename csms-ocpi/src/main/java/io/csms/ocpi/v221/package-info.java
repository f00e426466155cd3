/** OCPI 2.2.1: its version details and, in sub-packages, its modules' thin resources. */
package io.csms.ocpi.v221;
