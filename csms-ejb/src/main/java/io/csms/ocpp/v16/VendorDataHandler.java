package io.csms.ocpp.v16;

/**
 * Answers DataTransfer messages of one vendor. Implementations are CDI beans; one that does not know
 * a {@code messageId} answers UnknownMessageId.
 */
public interface VendorDataHandler {

    String vendorId();

    DataTransferResponse handle(String chargerId, DataTransferRequest request);
}
