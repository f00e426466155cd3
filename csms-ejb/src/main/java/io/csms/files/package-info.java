/**
 * Files moved between the CSMS and its chargers: firmware images an admin uploads and chargers
 * download, and the diagnostics and logs chargers upload. Each transfer has a URL of its own with a
 * random token (kept only as its SHA-256) that opens that one file, for a limited time.
 */
package io.csms.files;
