package io.csms.transaction;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a transaction that belongs to an account, fired inside the database transaction
 * that stored it (observers that act on the outside world wait for the commit).
 */
public sealed interface TransactionEvent {

    int transactionId();

    Long accountId();

    record Started(int transactionId, String chargerId, int connectorId, String idTag, Long accountId)
            implements TransactionEvent {}

    record Metered(int transactionId, Long accountId, List<MeterReading.Sample> samples) implements TransactionEvent {}

    record Stopped(int transactionId, Long accountId, int meterStop, Integer energyWh, Instant at, String reason)
            implements TransactionEvent {}
}
