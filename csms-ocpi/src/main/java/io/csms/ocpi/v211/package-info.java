/** OCPI 2.1.1: its version details and, in sub-packages, its modules' thin resources. */
package io.csms.ocpi.v211;
