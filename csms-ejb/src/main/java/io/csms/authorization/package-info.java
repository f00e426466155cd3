/** Id tags (RFID cards, app tokens): who may charge, as Authorize and StartTransaction see it. */
package io.csms.authorization;
