package io.csms.server.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code server-config/load [--url ws://localhost:8080/csms/ocpp] [--chargers 1000] [--rate 1000]
 * [--duration 60] [--connect-rate 500] [--prefix LOAD] [--storm]}
 *
 * <p>Connects {@code chargers} simulated chargers (at most {@code connect-rate} new connections per
 * second), boots them, then sends {@code rate} CALLs per second for {@code duration} seconds, spread
 * over idle chargers, and prints throughput, latency percentiles and errors. With {@code --storm} it
 * measures how long it takes all chargers to connect and be booted as fast as they can.
 * The CSMS must let the simulated ids in: run it with {@code CSMS_OCPP_UNKNOWN_CHARGERS=accept}.
 */
public final class LoadTest {

    private LoadTest() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        if (options.containsKey("roaming-sessions")) {
            try {
                SessionsBench.run(options);
            } catch (Exception e) {
                e.printStackTrace();
                System.exit(1);
            }
            System.exit(0);
        }
        if (options.containsKey("roaming")) {
            try {
                RoamingBench.run(options);
            } catch (Exception e) {
                // the simulated chargers and fake partners run on threads of their own: end them too
                e.printStackTrace();
                System.exit(1);
            }
            System.exit(0);
        }
        URI url = URI.create(options.getOrDefault("url", "ws://localhost:8080/csms/ocpp"));
        int chargers = Integer.parseInt(options.getOrDefault("chargers", "1000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
        int duration = Integer.parseInt(options.getOrDefault("duration", "60"));
        int connectRate =
                Integer.parseInt(options.getOrDefault("connect-rate", options.containsKey("storm") ? "100000" : "500"));
        String prefix = options.getOrDefault("prefix", "LOAD");

        HttpClient client = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(4))
                .build();
        Stats bootStats = new Stats();
        List<SimulatedCharger> fleet = new ArrayList<>();
        for (int i = 0; i < chargers; i++) {
            fleet.add(new SimulatedCharger(prefix + "-" + i, bootStats));
        }

        long started = System.nanoTime();
        long booted = connectAndBoot(fleet, client, url, connectRate);
        double bootSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "connected and booted: %d of %d chargers in %.1f s (boot p99 %.1f ms, errors %d)%n",
                booted, chargers, bootSeconds, bootStats.percentiles()[2], bootStats.errors());
        if (options.containsKey("storm")) {
            fleet.forEach(SimulatedCharger::close);
            System.exit(0);
        }

        Stats stats = new Stats();
        List<SimulatedCharger> load =
                fleet.stream().filter(SimulatedCharger::connected).collect(Collectors.toList());
        load.forEach(charger -> charger.measureInto(stats));
        System.out.printf("steady phase: %d chargers, target %d calls/s for %d s%n", load.size(), rate, duration);

        ProcessCpu.Reading cpuBefore = ProcessCpu.now();
        long begin = System.nanoTime();
        long perCallNanos = 1_000_000_000L / rate;
        long sent = 0;
        int cursor = 0;
        long skipped = 0;
        while (System.nanoTime() - begin < duration * 1_000_000_000L) {
            SimulatedCharger charger = load.get(cursor++ % load.size());
            if (charger.busy() || !charger.connected()) {
                skipped++;
                if (skipped % load.size() == 0) {
                    Thread.onSpinWait();
                }
                continue;
            }
            charger.next();
            sent++;
            pace(begin, sent, perCallNanos);
        }
        Thread.sleep(2000);
        ProcessCpu.Reading cpu = ProcessCpu.now().minus(cpuBefore);
        double seconds = (System.nanoTime() - begin) / 1e9 - 2;
        double[] p = stats.percentiles();
        long answered = stats.answered();
        System.out.printf(
                "sent %d calls, answered %d (%.0f calls/s), errors %d, disconnects %d%n",
                sent, answered, answered / seconds, stats.errors(), stats.disconnects());
        System.out.printf("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", p[0], p[1], p[2], p[3]);
        System.out.printf(
                "cpu: server %.0f %%, database %.0f %% (of one core); per call: server %.0f µs, database %.0f µs;"
                        + " server RSS %d MB%n",
                100 * cpu.server() / cpu.seconds(),
                100 * cpu.database() / cpu.seconds(),
                answered == 0 ? 0 : 1e6 * cpu.server() / answered,
                answered == 0 ? 0 : 1e6 * cpu.database() / answered,
                ProcessCpu.serverRssMegabytes());
        load.forEach(SimulatedCharger::close);
        Thread.sleep(1000);
        System.exit(0);
    }

    /**
     * Connects and boots every charger of {@code fleet}, at most {@code connectRate} new connections
     * per second, and answers how many were booted (BootNotification answered).
     */
    static long connectAndBoot(List<SimulatedCharger> fleet, HttpClient client, URI url, int connectRate)
            throws Exception {
        long started = System.nanoTime();
        Semaphore inFlight = new Semaphore(Math.min(connectRate, 2000));
        List<CompletableFuture<String>> boots = new ArrayList<>();
        long perConnectNanos = 1_000_000_000L / connectRate;
        for (SimulatedCharger charger : fleet) {
            inFlight.acquire();
            boots.add(charger.connect(client, url)
                    .thenCompose(v -> charger.boot())
                    .whenComplete((answer, error) -> inFlight.release()));
            pace(started, boots.size(), perConnectNanos);
        }
        CompletableFuture.allOf(boots.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .get(10, TimeUnit.MINUTES);
        return boots.stream()
                .filter(f -> !f.isCompletedExceptionally() && f.join().startsWith("[3"))
                .count();
    }

    /** Sleeps until the {@code n}-th event is due at one per {@code interval} nanoseconds. */
    static void pace(long start, long n, long interval) throws InterruptedException {
        long due = start + n * interval;
        long wait = due - System.nanoTime();
        if (wait > 1_000_000) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(name, args[++i]);
            } else {
                options.put(name, "true");
            }
        }
        return options;
    }
}
