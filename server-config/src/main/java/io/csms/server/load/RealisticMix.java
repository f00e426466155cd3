package io.csms.server.load;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * The reference mix ({@code --mix realistic}): every charger lives on its own clock, as a real fleet
 * does, instead of being handed calls at a fixed total rate. A heartbeat every {@code heartbeat}
 * seconds; sessions one after another with a short pause between them (Preparing, StartTransaction
 * with the charger's own tag, Charging, MeterValues every {@code meter-values} seconds for 20 to 60
 * s, StopTransaction, Finishing, Available). At most one CALL outstanding per charger: a step due
 * while one is under way goes right after it. Chargers start their lives as soon as they are booted,
 * so the ramp is part of the load; the figures count what is answered after {@code warmup} seconds
 * from the first connection.
 */
final class RealisticMix {

    private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "mix-clock");
        thread.setDaemon(true);
        return thread;
    });
    private final long heartbeatMillis;
    private final long meterValuesMillis;

    RealisticMix(Map<String, String> options) {
        this.heartbeatMillis = (long) (1000 * Double.parseDouble(options.getOrDefault("heartbeat", "30")));
        this.meterValuesMillis = (long) (1000 * Double.parseDouble(options.getOrDefault("meter-values", "10")));
    }

    /** Starts the charger's life (it is booted): heartbeats and sessions until the tool ends. */
    void live(SimulatedCharger charger) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        clock.scheduleAtFixedRate(
                () -> step(charger, () -> charger.send("Heartbeat", "{}")),
                random.nextLong(heartbeatMillis),
                heartbeatMillis,
                TimeUnit.MILLISECONDS);
        clock.schedule(() -> session(charger), random.nextLong(5000), TimeUnit.MILLISECONDS);
    }

    void stop() {
        clock.shutdownNow();
    }

    /** Runs {@code call} once the charger has no CALL outstanding. */
    private static CompletableFuture<String> step(SimulatedCharger charger, Supplier<CompletableFuture<String>> call) {
        return charger.afterOutstanding(call);
    }

    private void session(SimulatedCharger charger) {
        if (!charger.connected()) {
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long length = 20_000 + random.nextLong(40_001);
        step(charger, () -> charger.status(1, "Preparing"))
                .thenCompose(a -> step(
                        charger,
                        () -> charger.send(
                                "StartTransaction",
                                "{\"connectorId\":1,\"idTag\":\"" + charger.idTag() + "\",\"meterStart\":"
                                        + charger.meter() + ",\"timestamp\":\"" + Instant.now() + "\"}")))
                .thenCompose(answer -> {
                    Matcher m = SimulatedCharger.TRANSACTION_ID.matcher(answer);
                    int transaction = m.find() ? Integer.parseInt(m.group(1)) : -1;
                    return step(charger, () -> charger.status(1, "Charging")).thenApply(a -> transaction);
                })
                .whenComplete((transaction, error) -> {
                    if (error == null && transaction >= 0) {
                        meterValues(charger, transaction, System.currentTimeMillis() + length);
                    }
                });
    }

    private void meterValues(SimulatedCharger charger, int transaction, long endsAt) {
        clock.schedule(
                () -> {
                    if (!charger.connected()) {
                        return;
                    }
                    if (System.currentTimeMillis() >= endsAt) {
                        step(
                                        charger,
                                        () -> charger.send(
                                                "StopTransaction",
                                                "{\"transactionId\":" + transaction + ",\"meterStop\":"
                                                        + charger.meter() + ",\"timestamp\":\"" + Instant.now()
                                                        + "\",\"reason\":\"Local\"}"))
                                .thenCompose(a -> step(charger, () -> charger.status(1, "Finishing")))
                                .thenCompose(a -> step(charger, () -> charger.status(1, "Available")))
                                .whenComplete((a, error) -> clock.schedule(
                                        () -> session(charger),
                                        2000 + ThreadLocalRandom.current().nextLong(8000),
                                        TimeUnit.MILLISECONDS));
                        return;
                    }
                    step(charger, () -> charger.meterValue(transaction))
                            .whenComplete((a, error) -> meterValues(charger, transaction, endsAt));
                },
                Math.min(meterValuesMillis, Math.max(0, endsAt - System.currentTimeMillis())),
                TimeUnit.MILLISECONDS);
    }
}
