package io.csms.server.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

/**
 * {@code server-config/load --roaming-sessions --admin-password <root password> [--sessions 1000]
 * [--duration 120] [--interval 10] [--reuse-locations]}
 *
 * <p>Partners' drivers charging: one fake eMSP registers over OCPI 2.2.1 (Sessions and CDRs
 * Receivers) and pushes one ALWAYS token per simulated charger; every charger starts a session with
 * it, sends a meter value every {@code interval} seconds for {@code duration} seconds and stops. It
 * reports StartTransaction → session PUT, meter value → the PATCH that first shows its energy (the
 * server pushes progress at most every {@code csms.ocpi.sessions.update-interval}, 60 s by
 * default), StopTransaction → CDR, duplicates and CPU of the server and the database. The chargers
 * and locations are the roaming benchmark's ({@code ROAM-i}, {@code BENCH-i}).
 */
final class SessionsBench {

    private static final String PARTNER_NAME = "Bench eMSP sessions";

    private SessionsBench() {}

    static void run(Map<String, String> options) throws Exception {
        URI ws = URI.create(options.getOrDefault("url", "ws://localhost:8080/csms/ocpp"));
        URI http = URI.create(options.getOrDefault("http", "http://" + ws.getAuthority() + "/"));
        int sessions = Integer.parseInt(options.getOrDefault("sessions", "1000"));
        int duration = Integer.parseInt(options.getOrDefault("duration", "120"));
        int interval = Integer.parseInt(options.getOrDefault("interval", "10"));
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
        RoamingBench.removeBenchPartners(api);

        Stats answers = new Stats();
        List<SimulatedCharger> fleet = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            fleet.add(new SimulatedCharger("ROAM-" + i, answers));
        }
        long booted = LoadTest.connectAndBoot(fleet, client, ws, 500, charger -> {});
        System.out.printf("chargers: %d of %d connected and booted%n", booted, sessions);
        RoamingBench.describeLocations(api, sessions, !options.containsKey("reuse-locations"));

        FakeEmsps.SessionClock clock = new FakeEmsps.SessionClock();
        try (FakeEmsps emsps = new FakeEmsps(1, new java.util.concurrent.ConcurrentHashMap<>())) {
            emsps.timeSessions(clock);
            HttpResponse<String> created = api.admin(
                    "POST",
                    "/csms/api/admin/partners",
                    "{\"name\":\"" + PARTNER_NAME + "\",\"parties\":[{\"countryCode\":\"DE\",\"partyId\":\""
                            + FakeEmsps.partyId(0) + "\",\"role\":\"EMSP\"}]}");
            RoamingBench.require(created, 201);
            long partnerId = Api.numbers(created.body(), "id").get(0);
            HttpResponse<String> registered = api.ocpi(
                    "POST",
                    "/ocpi/2.2.1/credentials",
                    emsps.credentials(0),
                    Api.field(created.body(), "registrationToken"));
            RoamingBench.require(registered, 200);
            String token = Api.field(registered.body(), "token");
            for (int i = 0; i < sessions; i++) {
                RoamingBench.require(
                        api.ocpi(
                                "PUT",
                                "/ocpi/2.2.1/tokens/DE/" + FakeEmsps.partyId(0) + "/BENCH-TOK-" + i,
                                "{\"country_code\":\"DE\",\"party_id\":\"" + FakeEmsps.partyId(0)
                                        + "\",\"uid\":\"BENCH-TOK-" + i + "\",\"type\":\"RFID\",\"contract_id\":\"DE-"
                                        + FakeEmsps.partyId(0) + "-C" + i + "\",\"issuer\":\"Bench\",\"valid\":true,"
                                        + "\"whitelist\":\"ALWAYS\",\"last_updated\":\"" + Instant.now() + "\"}",
                                token),
                        200);
            }
            System.out.printf("tokens: %d pushed by the eMSP%n", sessions);
            RoamingBench.awaitEmptyQueues(api, new long[] {partnerId}, 120);

            ProcessCpu.Reading cpuBefore = ProcessCpu.now();
            long begin = System.nanoTime();
            String[] transactions = new String[sessions];
            int[] meters = new int[sessions];
            List<CompletableFuture<String>> starts = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                int n = i;
                long sent = System.nanoTime();
                starts.add(fleet.get(i)
                        .send(
                                "StartTransaction",
                                "{\"connectorId\":1,\"idTag\":\"BENCH-TOK-" + i + "\",\"meterStart\":0,\"timestamp\":\""
                                        + Instant.now() + "\"}")
                        .thenApply(answer -> {
                            Matcher m = SimulatedCharger.TRANSACTION_ID.matcher(answer);
                            if (m.find()) {
                                transactions[n] = m.group(1);
                                clock.starts.put(m.group(1), sent);
                            }
                            return answer;
                        }));
                LoadTest.pace(begin, i + 1, 1_000_000_000L / 100);
            }
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new))
                    .exceptionally(e -> null)
                    .get(2, TimeUnit.MINUTES);
            long meterValues = 0;
            long phase = System.nanoTime();
            long perCall = 1_000_000_000L * interval / sessions;
            while (System.nanoTime() - phase < duration * 1_000_000_000L) {
                int i = (int) (meterValues % sessions);
                if (transactions[i] != null
                        && fleet.get(i).connected()
                        && !fleet.get(i).busy()) {
                    meters[i] += 25; // 9 kW for 10 s: what the connector can deliver
                    clock.meterValues.put(transactions[i] + ":" + meters[i], System.nanoTime());
                    fleet.get(i)
                            .send(
                                    "MeterValues",
                                    "{\"connectorId\":1,\"transactionId\":" + transactions[i]
                                            + ",\"meterValue\":[{\"timestamp\":\"" + Instant.now()
                                            + "\",\"sampledValue\":[{\"value\":\"" + meters[i]
                                            + "\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"}]}]}");
                }
                meterValues++;
                LoadTest.pace(phase, meterValues, perCall);
            }
            Thread.sleep(1000);
            long stopsBegin = System.nanoTime();
            List<CompletableFuture<String>> stops = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                if (transactions[i] == null) {
                    continue;
                }
                clock.stops.put(transactions[i], System.nanoTime());
                stops.add(fleet.get(i)
                        .send(
                                "StopTransaction",
                                "{\"transactionId\":" + transactions[i] + ",\"meterStop\":" + meters[i]
                                        + ",\"timestamp\":\"" + Instant.now() + "\",\"reason\":\"Local\"}"));
                LoadTest.pace(stopsBegin, stops.size(), 1_000_000_000L / 100);
            }
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new))
                    .exceptionally(e -> null)
                    .get(2, TimeUnit.MINUTES);
            FakeEmsps.Partner partner = emsps.partner(0);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (partner.cdrIds.size() < stops.size() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            ProcessCpu.Reading cpu = ProcessCpu.now().minus(cpuBefore);
            HttpResponse<String> held = api.admin("GET", "/csms/api/admin/cdrs?state=held&limit=1000", null);

            double[] s = partner.sessionStarts.percentiles();
            double[] u = partner.sessionUpdates.percentiles();
            double[] c = partner.cdrs.percentiles();
            System.out.printf(
                    "sessions: %d started, %d meter values over %d s (%.0f/s), %d stopped; OCPP answers p99 %.1f ms,"
                            + " errors %d%n",
                    starts.size(),
                    meterValues,
                    duration,
                    meterValues / (double) duration,
                    stops.size(),
                    answers.percentiles()[2],
                    answers.errors());
            System.out.printf(
                    "  session PUT after StartTransaction: %d, ms p50 %.0f  p95 %.0f  p99 %.0f  max %.0f%n",
                    partner.sessionStarts.answered(), s[0], s[1], s[2], s[3]);
            System.out.printf(
                    "  PATCHes %d (meter value → the PATCH showing it: %d timed, s p50 %.1f  p95 %.1f  p99 %.1f"
                            + "  max %.1f); completed PUTs %d%n",
                    partner.patches.get(),
                    partner.sessionUpdates.answered(),
                    u[0] / 1000,
                    u[1] / 1000,
                    u[2] / 1000,
                    u[3] / 1000,
                    partner.completed.get());
            System.out.printf(
                    "  CDRs %d of %d (duplicates %d, held %d), after StopTransaction ms p50 %.0f  p95 %.0f  p99 %.0f"
                            + "  max %.0f%n",
                    partner.cdrIds.size(),
                    stops.size(),
                    partner.cdrDuplicates.get(),
                    held.body().split("\"holdReason\"", -1).length - 1,
                    c[0],
                    c[1],
                    c[2],
                    c[3]);
            System.out.printf(
                    "  cpu over %.0f s: server %.0f %%, database %.0f %% (of one core); server RSS %d MB%n",
                    seconds,
                    100 * cpu.server() / cpu.seconds(),
                    100 * cpu.database() / cpu.seconds(),
                    ProcessCpu.serverRssMegabytes());
            api.admin("DELETE", "/csms/api/admin/partners/" + partnerId, null);
            if (partner.cdrIds.size() < stops.size() || partner.cdrDuplicates.get() > 0) {
                throw new IllegalStateException("not every session got exactly one CDR");
            }
        } finally {
            fleet.forEach(SimulatedCharger::close);
            Thread.sleep(1000);
        }
    }
}
