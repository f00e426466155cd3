package io.csms.monitoring;

import io.csms.chargepoint.Chargers;
import io.csms.ocpp.session.ChargerConnections;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CSMS's figures in the Prometheus text format (Micrometer, the same on Payara and WildFly):
 * chargers registered, connected, offline and faulted; what waits to be pushed to each partner; the
 * alerts in force per kind; and the JVM's memory, threads, GC and CPU. The figures read from the
 * database are read once per scrape, at most every few seconds, whatever the number of scrapers.
 */
@ApplicationScoped
public class Metrics {

    /** Scrapes closer together than this are answered from the last reading of the database. */
    private static final long REFRESH_NANOS = 5_000_000_000L;

    @Inject
    Alerts alerts;

    @Inject
    Chargers chargers;

    @Inject
    ChargerConnections connections;

    private PrometheusMeterRegistry registry;
    private JvmGcMetrics gc;
    private final AtomicLong registered = new AtomicLong();
    private final AtomicLong offline = new AtomicLong();
    private final AtomicLong faulted = new AtomicLong();
    private final Map<Alerts.Kind, AtomicLong> alertCounts = new EnumMap<>(Alerts.Kind.class);
    private MultiGauge pending;
    private long readAt;

    @PostConstruct
    void start() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", "csms");
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        Gauge.builder("csms.chargers", registered, AtomicLong::get)
                .tag("state", "registered")
                .description("Chargers known to the CSMS")
                .register(registry);
        Gauge.builder("csms.chargers", connections, c -> c.connectedCount())
                .tag("state", "connected")
                .description("Chargers known to the CSMS")
                .register(registry);
        Gauge.builder("csms.chargers", offline, AtomicLong::get)
                .tag("state", "offline")
                .description("Chargers known to the CSMS")
                .register(registry);
        Gauge.builder("csms.chargers", faulted, AtomicLong::get)
                .tag("state", "faulted")
                .description("Chargers known to the CSMS")
                .register(registry);
        for (Alerts.Kind kind : Alerts.Kind.values()) {
            AtomicLong count = new AtomicLong();
            alertCounts.put(kind, count);
            Gauge.builder("csms.alerts", count, AtomicLong::get)
                    .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Alerts in force, per kind (see the console's dashboard)")
                    .register(registry);
        }
        pending = MultiGauge.builder("csms.ocpi.outbox.pending")
                .description("What waits to be pushed to a roaming partner")
                .register(registry);
    }

    @PreDestroy
    void stop() {
        gc.close();
        registry.close();
    }

    /** The metrics in the Prometheus text exposition format. */
    public synchronized String scrape() {
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt > REFRESH_NANOS) {
            read();
            readAt = now;
        }
        return registry.scrape();
    }

    private void read() {
        registered.set(chargers.count());
        faulted.set(chargers.faultedCount());
        offline.set(alerts.offlineCount());
        // every alert counts, not only the ones a dashboard lists; chargers offline and faulted by count
        List<Alerts.Alert> current = alerts.current(1000);
        for (Alerts.Kind kind : Alerts.Kind.values()) {
            alertCounts
                    .get(kind)
                    .set(current.stream().filter(a -> a.kind() == kind).count());
        }
        alertCounts.get(Alerts.Kind.CHARGER_OFFLINE).set(offline.get());
        alertCounts.get(Alerts.Kind.CHARGER_FAULTED).set(faulted.get());
        pending.register(
                alerts.pendingPerPartner().stream()
                        .map(r -> MultiGauge.Row.of(Tags.of("partner", (String) r[0]), ((Number) r[1]).longValue()))
                        .toList(),
                true);
    }
}
