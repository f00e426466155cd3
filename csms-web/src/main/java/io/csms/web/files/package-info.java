/** The file endpoint chargers fetch firmware from and upload diagnostics and logs to. */
package io.csms.web.files;
