package io.csms.server.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code server-config/load --roaming --admin-password ... [--locations 10000] [--partners 10]
 * [--rate 1000] [--duration 60] [--page-rounds 3] [--reuse-locations]}
 *
 * <p>The roaming benchmark: {@code locations} simulated chargers, one location each (every fifth
 * with a second EVSE on connector 2), described through the operator API; {@code partners} fake
 * eMSPs registered through the OCPI credentials handshake, each with a Locations Receiver; then
 * {@code rate} StatusNotifications per second for {@code duration} seconds, each changing an EVSE's
 * status, and for each partner the time from the StatusNotification leaving the charger to the
 * PATCH reaching the partner. Also the outbox depth (the operator API's push queue) each second, the
 * CPU of the server and the database, the time the queues take to drain afterwards, and the time of
 * {@code GET /ocpi/2.2.1/locations} pages of 100. The bench partners are deleted at the end (and
 * leftovers of an earlier run at the start); the locations stay, and {@code --reuse-locations}
 * skips describing them again.
 */
final class RoamingBench {

    private static final String PARTNER_NAME = "Bench eMSP ";

    private RoamingBench() {}

    static void run(Map<String, String> options) throws Exception {
        URI ws = URI.create(options.getOrDefault("url", "ws://localhost:8080/csms/ocpp"));
        URI http = URI.create(options.getOrDefault("http", "http://" + ws.getAuthority() + "/"));
        int locations = Integer.parseInt(options.getOrDefault("locations", "10000"));
        int partnerCount = Integer.parseInt(options.getOrDefault("partners", "10"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
        int duration = Integer.parseInt(options.getOrDefault("duration", "60"));
        int pageRounds = Integer.parseInt(options.getOrDefault("page-rounds", "3"));
        String password = options.getOrDefault("admin-password", System.getenv("CSMS_ADMIN_PASSWORD"));
        if (password == null) {
            throw new IllegalArgumentException("--admin-password (or CSMS_ADMIN_PASSWORD): the run command prints it");
        }

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4))
                .build();
        Api api = new Api(client, http);
        api.login(options.getOrDefault("admin-email", "admin@csms.local"), password);
        removeBenchPartners(api);

        Stats boots = new Stats();
        List<SimulatedCharger> fleet = new ArrayList<>();
        for (int i = 0; i < locations; i++) {
            fleet.add(new SimulatedCharger("ROAM-" + i, boots));
        }
        long started = System.nanoTime();
        long booted = LoadTest.connectAndBoot(fleet, client, ws, 500, charger -> {});
        System.out.printf("chargers: %d of %d connected and booted in %.1f s%n", booted, locations, since(started));

        started = System.nanoTime();
        List<String[]> evses = describeLocations(api, locations, !options.containsKey("reuse-locations"));
        System.out.printf("locations: %d with %d EVSEs described in %.1f s%n", locations, evses.size(), since(started));

        // as real chargers do after booting: every connector's status, so that no EVSE waits for the
        // sweep to restore it (that burst belongs to a reconnect, not to this measurement)
        started = System.nanoTime();
        Map<String, SimulatedCharger> byId = new ConcurrentHashMap<>();
        fleet.forEach(c -> byId.put(c.id(), c));
        for (int connector = 1; connector <= 2; connector++) {
            List<java.util.concurrent.CompletableFuture<String>> reports = new ArrayList<>();
            for (String[] evse : evses) {
                if (Integer.parseInt(evse[2]) == connector && byId.get(evse[1]).connected()) {
                    reports.add(byId.get(evse[1]).status(connector, "Available"));
                    LoadTest.pace(started, reports.size(), 1_000_000_000L / 1000);
                }
            }
            java.util.concurrent.CompletableFuture.allOf(reports.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .exceptionally(e -> null)
                    .get(5, java.util.concurrent.TimeUnit.MINUTES);
            started = System.nanoTime();
        }
        Thread.sleep(15_000);

        Map<String, FakeEmsps.Sent> sent = new ConcurrentHashMap<>();
        try (FakeEmsps emsps = new FakeEmsps(partnerCount, sent)) {
            long[] partnerIds = new long[partnerCount];
            String[] tokens = new String[partnerCount];
            for (int i = 0; i < partnerCount; i++) {
                HttpResponse<String> created = api.admin(
                        "POST",
                        "/csms/api/admin/partners",
                        "{\"name\":\"" + PARTNER_NAME + i + "\",\"parties\":[{\"countryCode\":\"DE\",\"partyId\":\""
                                + FakeEmsps.partyId(i) + "\",\"role\":\"EMSP\"}]}");
                require(created, 201);
                partnerIds[i] = Api.numbers(created.body(), "id").get(0);
                HttpResponse<String> registered = api.ocpi(
                        "POST",
                        "/ocpi/2.2.1/credentials",
                        emsps.credentials(i),
                        Api.field(created.body(), "registrationToken"));
                require(registered, 200);
                tokens[i] = Api.field(registered.body(), "token");
            }
            System.out.printf("partners: %d registered over OCPI 2.2.1%n", partnerCount);
            awaitEmptyQueues(api, partnerIds, 120);

            // the measured phase
            AtomicLong deepest = new AtomicLong();
            List<Long> depths = new ArrayList<>();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        long depth = depth(api, partnerIds);
                        deepest.accumulateAndGet(depth, Math::max);
                        synchronized (depths) {
                            depths.add(depth);
                        }
                    } catch (RuntimeException e) {
                        System.out.println("queue depth not read: " + e.getMessage());
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            Map<String, SimulatedCharger> chargers = byId;
            Stats answers = new Stats();
            fleet.forEach(c -> c.measureInto(answers));
            boolean[] charging = new boolean[evses.size()];
            ProcessCpu.Reading cpuBefore = ProcessCpu.now();
            sampler.start();
            long begin = System.nanoTime();
            long perCall = 1_000_000_000L / rate;
            long notifications = 0;
            while (System.nanoTime() - begin < duration * 1_000_000_000L) {
                int pick = ThreadLocalRandom.current().nextInt(evses.size());
                String[] evse = evses.get(pick);
                SimulatedCharger charger = chargers.get(evse[1]);
                if (charger.busy() || !charger.connected()) {
                    continue;
                }
                charging[pick] = !charging[pick];
                sent.put(evse[0], new FakeEmsps.Sent(charging[pick] ? "CHARGING" : "AVAILABLE", System.nanoTime()));
                charger.status(Integer.parseInt(evse[2]), charging[pick] ? "Charging" : "Available");
                notifications++;
                LoadTest.pace(begin, notifications, perCall);
            }
            double phase = since(begin);
            ProcessCpu.Reading cpu = ProcessCpu.now().minus(cpuBefore);
            long drainStarted = System.nanoTime();
            awaitEmptyQueues(api, partnerIds, 300);
            double drain = since(drainStarted);
            ProcessCpu.Reading untilDrained = ProcessCpu.now().minus(cpuBefore);
            sampler.interrupt();
            Thread.sleep(500);

            long pushes = 0;
            System.out.printf(
                    "status phase: %d StatusNotifications in %.1f s (%.0f/s), answered p99 %.1f ms, errors %d%n",
                    notifications, phase, notifications / phase, answers.percentiles()[2], answers.errors());
            for (int i = 0; i < partnerCount; i++) {
                FakeEmsps.Partner partner = emsps.partner(i);
                double[] p = partner.latency.percentiles();
                pushes += partner.latency.answered() + partner.overtaken.get();
                System.out.printf(
                        "  partner %d: %d status PATCHes timed, latency ms p50 %.0f  p95 %.0f  p99 %.0f  max %.0f;"
                                + " %d overtaken by a later change, %d whole objects%n",
                        i,
                        partner.latency.answered(),
                        p[0],
                        p[1],
                        p[2],
                        p[3],
                        partner.overtaken.get(),
                        partner.whole.get());
            }
            System.out.printf(
                    "outbox: deepest %d rows over all partners; drained %.1f s after the phase; pushes %d%n",
                    deepest.get(), drain, pushes);
            System.out.printf(
                    "cpu during the phase: server %.0f %%, database %.0f %% (of one core); from the phase's start"
                            + " until drained: server %.0f µs, database %.0f µs per push (its StatusNotification's"
                            + " share included); server RSS %d MB%n",
                    100 * cpu.server() / cpu.seconds(),
                    100 * cpu.database() / cpu.seconds(),
                    pushes == 0 ? 0 : 1e6 * untilDrained.server() / pushes,
                    pushes == 0 ? 0 : 1e6 * untilDrained.database() / pushes,
                    ProcessCpu.serverRssMegabytes());
            synchronized (depths) {
                System.out.println("outbox depth each second: " + depths);
            }

            pages(api, tokens[0], locations, pageRounds);
            for (long id : partnerIds) {
                api.admin("DELETE", "/csms/api/admin/partners/" + id, null);
            }
        } finally {
            fleet.forEach(SimulatedCharger::close);
            Thread.sleep(1000);
        }
    }

    /**
     * Puts {@code count} locations through the operator API, eight at a time, and answers their
     * EVSEs as (uid, charger, connector).
     */
    static List<String[]> describeLocations(Api api, int count, boolean put) throws Exception {
        List<String[]> evses = new ArrayList<>();
        Semaphore inFlight = new Semaphore(8);
        AtomicLong failures = new AtomicLong();
        for (int i = 0; i < count; i++) {
            String id = "BENCH-" + i;
            String charger = "ROAM-" + i;
            int connectors = i % 5 == 0 ? 2 : 1;
            StringBuilder evseJson = new StringBuilder();
            for (int c = 1; c <= connectors; c++) {
                evses.add(new String[] {id + "-" + c, charger, String.valueOf(c)});
                evseJson.append(c == 1 ? "" : ",")
                        .append("{\"uid\":\"")
                        .append(id)
                        .append('-')
                        .append(c)
                        .append("\",\"evse_id\":\"NL*CSM*EBENCH")
                        .append(i)
                        .append('*')
                        .append(c)
                        .append("\",\"capabilities\":[\"REMOTE_START_STOP_CAPABLE\"],\"connectors\":[{\"id\":\"1\","
                                + "\"standard\":\"IEC_62196_T2\",\"format\":\"SOCKET\",\"power_type\":\"AC_3_PHASE\","
                                + "\"max_voltage\":230,\"max_amperage\":16}],\"ocpp\":{\"charge_point_id\":\"")
                        .append(charger)
                        .append("\",\"connector_id\":")
                        .append(c)
                        .append("}}");
            }
            String location = "{\"id\":\"" + id + "\",\"publish\":true,\"name\":\"Bench site " + i
                    + "\",\"address\":\"Benchstraat " + (i + 1) + "\",\"city\":\"Utrecht\",\"postal_code\":\"3511 ED\","
                    + "\"country\":\"NLD\",\"coordinates\":{\"latitude\":\"52.0" + String.format("%05d", i)
                    + "\",\"longitude\":\"5.110278\"},\"parking_type\":\"PARKING_LOT\",\"time_zone\":"
                    + "\"Europe/Amsterdam\",\"evses\":[" + evseJson + "]}";
            if (!put) {
                continue;
            }
            inFlight.acquire();
            api.adminAsync("PUT", "/csms/api/admin/locations/" + id, location).whenComplete((answer, error) -> {
                if (error != null || answer.statusCode() / 100 != 2) {
                    if (failures.incrementAndGet() <= 3) {
                        System.out.println("location " + id + ": " + (error != null ? error : answer.body()));
                    }
                }
                inFlight.release();
            });
        }
        inFlight.acquire(8);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " locations were refused");
        }
        return evses;
    }

    /** Reads every page of 100 locations {@code rounds} times, one request at a time, as partner {@code token}. */
    private static void pages(Api api, String token, int locations, int rounds) {
        Stats stats = new Stats();
        long total = -1;
        for (int round = 0; round < rounds; round++) {
            for (int offset = 0; offset < locations; offset += 100) {
                long begin = System.nanoTime();
                HttpResponse<String> page =
                        api.ocpi("GET", "/ocpi/2.2.1/locations?offset=" + offset + "&limit=100", null, token);
                long took = System.nanoTime() - begin;
                if (page.statusCode() != 200 || !page.body().contains("\"status_code\":1000")) {
                    stats.error();
                    continue;
                }
                stats.answered(took);
                total = page.headers().firstValueAsLong("X-Total-Count").orElse(-1);
            }
        }
        double[] p = stats.percentiles();
        System.out.printf(
                "locations pages of 100 (of %d published): %d read, ms p50 %.1f  p95 %.1f  p99 %.1f  max %.1f,"
                        + " errors %d%n",
                total, stats.answered(), p[0], p[1], p[2], p[3], stats.errors());
    }

    private static long depth(Api api, long[] partnerIds) {
        long depth = 0;
        for (long id : partnerIds) {
            HttpResponse<String> queue = api.admin("GET", "/csms/api/admin/partners/" + id + "/push", null);
            depth += Api.numbers(queue.body(), "pending").stream().findFirst().orElse(0L);
        }
        return depth;
    }

    static void awaitEmptyQueues(Api api, long[] partnerIds, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (depth(api, partnerIds) > 0) {
            if (System.nanoTime() > deadline) {
                System.out.println("queues not empty after " + seconds + " s");
                return;
            }
            Thread.sleep(100);
        }
    }

    /** Deletes the partners an earlier run left (it stopped before its end). */
    static void removeBenchPartners(Api api) {
        String list = api.admin("GET", "/csms/api/admin/partners", null).body();
        for (String partner : objects(list)) {
            if (partner.contains("\"name\":\"" + PARTNER_NAME)) {
                long id = Api.numbers(partner, "id").get(0);
                api.admin("DELETE", "/csms/api/admin/partners/" + id, null);
            }
        }
    }

    /** The top-level objects of a JSON array, as text. */
    private static List<String> objects(String array) {
        List<String> objects = new ArrayList<>();
        int depth = 0;
        int start = -1;
        boolean inString = false;
        for (int i = 0; i < array.length(); i++) {
            char c = array.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' && depth++ == 0) {
                start = i;
            } else if (c == '}' && --depth == 0) {
                objects.add(array.substring(start, i + 1));
            }
        }
        return objects;
    }

    static void require(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(
                    answer.request().method() + " " + answer.uri() + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    private static double since(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }
}
