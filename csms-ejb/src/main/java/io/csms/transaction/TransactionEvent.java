package io.csms.transaction;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a transaction that belongs to an account (a driver's) or was started with a
 * partner's token (accepted), fired inside the database transaction that stored it (observers that
 * act on the outside world wait for the commit).
 */
public sealed interface TransactionEvent {

    int transactionId();

    /** The driver's account, or null. */
    Long accountId();

    /** The partner's token that started it (OCPI), or null. */
    Long ocpiTokenId();

    record Started(int transactionId, String chargerId, int connectorId, String idTag, Long accountId, Long ocpiTokenId)
            implements TransactionEvent {}

    record Metered(int transactionId, Long accountId, List<MeterReading.Sample> samples, Long ocpiTokenId)
            implements TransactionEvent {}

    record Stopped(
            int transactionId,
            Long accountId,
            int meterStop,
            Integer energyWh,
            Instant at,
            String reason,
            Long ocpiTokenId)
            implements TransactionEvent {}
}
