package io.csms.charging;

import io.csms.transaction.ChargingTransaction;
import io.csms.transaction.EnergyRegister;
import io.csms.transaction.MeterReading;
import io.csms.transaction.Transactions;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** A driver's charging sessions, as the app shows them. */
@Stateless
public class DriverSessions {

    @Inject
    Transactions transactions;

    @Inject
    DriverCommands commands;

    /**
     * One session. {@code energyWh} is meterStop − meterStart once stopped; while active, the latest
     * energy register reading − meterStart (null before the first reading).
     */
    public record Session(
            int transactionId,
            String chargePointId,
            int connectorId,
            String idTag,
            Instant startTime,
            Instant stopTime,
            int meterStart,
            Integer meterStop,
            Integer energyWh,
            String status,
            String stopReason) {}

    /** One sampled value, as the charger reported it. */
    public record Reading(
            Instant timestamp,
            String value,
            String measurand,
            String unit,
            String phase,
            String context,
            String location) {

        public static Reading of(MeterReading.Sample s) {
            return new Reading(
                    s.at(),
                    s.value(),
                    s.measurand() == null ? "Energy.Active.Import.Register" : s.measurand(),
                    s.unit() == null ? "Wh" : s.unit(),
                    s.phase(),
                    s.context(),
                    s.location());
        }
    }

    public record Detail(Session session, List<Reading> meterValues) {}

    public List<Session> list(long accountId, int offset, int limit) {
        return transactions.ofAccount(accountId, offset, limit).stream()
                .map(t -> session(t, t.active() ? samples(t.id()) : List.of()))
                .toList();
    }

    public long count(long accountId) {
        return transactions.countOfAccount(accountId);
    }

    /** One of the account's sessions with its meter values; another account's is not found. */
    public Detail detail(long accountId, int transactionId) {
        ChargingTransaction transaction = commands.ownSession(accountId, transactionId);
        List<MeterReading.Sample> samples = samples(transactionId);
        return new Detail(
                session(transaction, samples), samples.stream().map(Reading::of).toList());
    }

    /** Energy in Wh the register shows, from the latest energy reading among {@code samples}, or null. */
    public static Integer registerWh(List<MeterReading.Sample> samples) {
        return EnergyRegister.latestWh(samples);
    }

    private List<MeterReading.Sample> samples(int transactionId) {
        return transactions.meterValues(transactionId).stream()
                .map(MeterReading::sample)
                .toList();
    }

    static Session session(ChargingTransaction t, List<MeterReading.Sample> samples) {
        Integer energy = t.energyWh();
        if (energy == null) {
            Integer register = registerWh(samples);
            energy = register == null ? null : Math.max(0, register - t.meterStart());
        }
        return new Session(
                t.id(),
                t.chargerId(),
                t.connectorId(),
                t.idTag(),
                t.startTime(),
                t.stopTime(),
                t.meterStart(),
                t.meterStop(),
                energy,
                t.active() ? "Active" : "Completed",
                t.stopReason());
    }
}
