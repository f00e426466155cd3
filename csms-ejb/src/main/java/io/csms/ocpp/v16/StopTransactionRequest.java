package io.csms.ocpp.v16;

import java.time.OffsetDateTime;
import java.util.List;

/** OCPP 1.6 StopTransaction.req. {@code idTag} is optional (stopped without a card). */
public record StopTransactionRequest(
        @MaxLength(20) String idTag,
        @Required Integer meterStop,
        @Required OffsetDateTime timestamp,
        @Required Integer transactionId,

        @OneOf({
            "EmergencyStop",
            "EVDisconnected",
            "HardReset",
            "Local",
            "Other",
            "PowerLoss",
            "Reboot",
            "Remote",
            "SoftReset",
            "UnlockCommand",
            "DeAuthorized"
        })
        String reason,

        List<MeterValue> transactionData)
        implements CarriesMeterValues {

    @Override
    public List<MeterValue> meterValues() {
        return transactionData == null ? List.of() : transactionData;
    }
}
