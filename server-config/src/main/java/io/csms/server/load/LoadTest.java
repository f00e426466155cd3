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
 * [--duration 60] [--connect-rate 500] [--prefix LOAD] [--storm] [--mix realistic [--heartbeat 30]
 * [--meter-values 10] [--warmup 55] [--admin-password ...]]}
 *
 * <p>Connects {@code chargers} simulated chargers (at most {@code connect-rate} new connections per
 * second), boots them, then sends {@code rate} CALLs per second for {@code duration} seconds, spread
 * over idle chargers, and prints throughput, latency percentiles and errors. With {@code --storm} it
 * measures how long it takes all chargers to connect and be booted as fast as they can. With {@code
 * --mix realistic} each charger lives on its own clock instead ({@link RealisticMix}): the reference
 * run of README's figures.
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

        // HTTP/1.1: the default h2c upgrade of a request with a body is not what chargers or apps do,
        // and Grizzly closes such a connection on a large body (EOF in the tool)
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4))
                .build();
        Stats bootStats = new Stats();
        List<SimulatedCharger> fleet = new ArrayList<>();
        for (int i = 0; i < chargers; i++) {
            fleet.add(new SimulatedCharger(prefix + "-" + i, bootStats));
        }

        if ("realistic".equals(options.get("mix"))) {
            realistic(options, fleet, client, url, connectRate);
            return;
        }
        long started = System.nanoTime();
        long booted = connectAndBoot(fleet, client, url, connectRate, charger -> {});
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
        System.out.printf("sent %d calls%n", sent);
        report(stats, cpu, ProcessCpu.serverRssMegabytes(), 0);
        load.forEach(SimulatedCharger::close);
        Thread.sleep(1000);
        System.exit(0);
    }

    /**
     * The reference run: the fleet ramps up at {@code connect-rate} per second, each charger living
     * the {@link RealisticMix} from its boot on, for {@code duration} seconds after the ramp; the
     * figures (calls/s, latencies, CPU per call) leave out the first {@code warmup} seconds (default
     * 55) from the first connection.
     */
    private static void realistic(
            Map<String, String> options, List<SimulatedCharger> fleet, HttpClient client, URI url, int connectRate)
            throws Exception {
        int duration = Integer.parseInt(options.getOrDefault("duration", "90"));
        long warmup = TimeUnit.SECONDS.toNanos(Long.parseLong(options.getOrDefault("warmup", "55")));
        RealisticMix mix = new RealisticMix(options);
        String password = options.getOrDefault("admin-password", System.getenv("CSMS_ADMIN_PASSWORD"));
        if (password != null) {
            // each charger's tag known to the CSMS, as in a real fleet (else it is answered Invalid)
            Api api = new Api(client, URI.create(options.getOrDefault("http", "http://" + url.getAuthority() + "/")));
            api.login(options.getOrDefault("admin-email", "admin@csms.local"), password);
            String csv =
                    fleet.stream().map(SimulatedCharger::idTag).collect(Collectors.joining("\n", "id_tag\n", "\n"));
            java.net.http.HttpResponse<String> imported = api.admin("POST", "/csms/api/admin/id-tags/import", csv);
            System.out.printf("tags of the fleet known to the CSMS: %d %s%n", imported.statusCode(), imported.body());
        }
        Stats ramp = new Stats();
        fleet.forEach(charger -> charger.measureInto(ramp));
        long started = System.nanoTime();
        long booted = connectAndBoot(fleet, client, url, connectRate, mix::live);
        long rampEnded = System.nanoTime();
        System.out.printf(
                "ramp: %d of %d chargers connected and booted in %.1f s, each living the realistic mix from its boot%n",
                booted, fleet.size(), (rampEnded - started) / 1e9);
        long end = rampEnded + TimeUnit.SECONDS.toNanos(duration);
        long measureFrom = Math.min(started + warmup, end - TimeUnit.SECONDS.toNanos(10));
        TimeUnit.NANOSECONDS.sleep(Math.max(0, measureFrom - System.nanoTime()));
        Stats stats = new Stats();
        fleet.forEach(charger -> charger.measureInto(stats));
        ProcessCpu.Reading cpuBefore = ProcessCpu.now();
        TimeUnit.NANOSECONDS.sleep(Math.max(0, end - System.nanoTime()));
        ProcessCpu.Reading cpu = ProcessCpu.now().minus(cpuBefore);
        long rss = ProcessCpu.serverRssMegabytes();
        mix.stop();
        report(stats, cpu, rss, ramp.errors() + ramp.disconnects());
        fleet.forEach(SimulatedCharger::close);
        Thread.sleep(1000);
        System.exit(0);
    }

    private static void report(Stats stats, ProcessCpu.Reading cpu, long rssMegabytes, long rampProblems) {
        double seconds = cpu.seconds();
        double[] p = stats.percentiles();
        long answered = stats.answered();
        System.out.printf(
                "measured %.0f s: answered %d (%.0f calls/s), errors %d, disconnects %d (during the ramp: %d)%n",
                seconds, answered, answered / seconds, stats.errors(), stats.disconnects(), rampProblems);
        System.out.printf("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", p[0], p[1], p[2], p[3]);
        System.out.printf(
                "cpu: server %.0f %%, database %.0f %% (of one core); per call: server %.0f µs, database %.0f µs;"
                        + " server RSS %d MB%n",
                100 * cpu.server() / seconds,
                100 * cpu.database() / seconds,
                answered == 0 ? 0 : 1e6 * cpu.server() / answered,
                answered == 0 ? 0 : 1e6 * cpu.database() / answered,
                rssMegabytes);
    }

    /**
     * Connects and boots every charger of {@code fleet}, at most {@code connectRate} new connections
     * per second, hands each booted one to {@code booted}, and answers how many were booted
     * (BootNotification answered).
     */
    static long connectAndBoot(
            List<SimulatedCharger> fleet,
            HttpClient client,
            URI url,
            int connectRate,
            java.util.function.Consumer<SimulatedCharger> booted)
            throws Exception {
        long started = System.nanoTime();
        Semaphore inFlight = new Semaphore(Math.min(connectRate, 2000));
        List<CompletableFuture<String>> boots = new ArrayList<>();
        long perConnectNanos = 1_000_000_000L / connectRate;
        for (SimulatedCharger charger : fleet) {
            inFlight.acquire();
            boots.add(charger.connect(client, url)
                    .thenCompose(v -> charger.boot())
                    .whenComplete((answer, error) -> {
                        inFlight.release();
                        if (error == null && answer.startsWith("[3")) {
                            booted.accept(charger);
                        }
                    }));
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
