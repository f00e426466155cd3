package io.csms.server.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Roaming partners for the roaming benchmark: {@code n} eMSPs on one local HTTP server, each with
 * OCPI 2.2.1 versions, version details (credentials, and a Locations Receiver), the credentials
 * handshake, and a Locations Receiver that times every EVSE status it is told against the moment the
 * simulated charger sent that status. A fake, because no other OCPI platform runs here; it accepts
 * whatever token the CSMS presents (it measures, it does not check).
 */
final class FakeEmsps implements AutoCloseable {

    private static final Pattern PARTNER_PATH = Pattern.compile("^/emsp/(\\d+)(/.*)$");
    private static final Pattern EVSE_PATH =
            Pattern.compile("^/2\\.2\\.1/locations/[A-Z]{2}/[A-Z0-9]{3}/([^/]+)/([^/]+)$");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");

    /** What the charger of an EVSE last reported: the OCPI status it should become and when it was sent. */
    record Sent(String status, long nanos) {}

    /** One eMSP's counts: status changes timed, changes that were already overtaken, whole objects. */
    static final class Partner {
        final Stats latency = new Stats();
        final AtomicLong overtaken = new AtomicLong();
        final AtomicLong whole = new AtomicLong();
        volatile String tokenForCsms;
        /** StartTransaction sent → the session's first PUT. */
        final Stats sessionStarts = new Stats();
        /** A meter value sent → the PATCH that first shows its energy. */
        final Stats sessionUpdates = new Stats();
        /** StopTransaction sent → the CDR's POST. */
        final Stats cdrs = new Stats();

        final AtomicLong patches = new AtomicLong();
        final AtomicLong completed = new AtomicLong();
        final AtomicLong cdrDuplicates = new AtomicLong();
        final Set<String> cdrIds = ConcurrentHashMap.newKeySet();
        final Set<String> started = ConcurrentHashMap.newKeySet();
    }

    /**
     * When the sessions benchmark sent what the partner should hear of: by transaction id, the
     * StartTransaction and the StopTransaction; by {@code transaction:Wh}, each meter value.
     */
    static final class SessionClock {
        final Map<String, Long> starts = new ConcurrentHashMap<>();
        final Map<String, Long> meterValues = new ConcurrentHashMap<>();
        final Map<String, Long> stops = new ConcurrentHashMap<>();
    }

    private static final Pattern SESSION_PATH = Pattern.compile("^/2\\.2\\.1/sessions/[A-Z]{2}/[A-Z0-9]{3}/([^/]+)$");
    private static final Pattern KWH = Pattern.compile("\"kwh\"\\s*:\\s*([0-9.]+)");
    /** A CDR's session (the transaction id; a CDR has other "id"s inside, its location's and tariffs'). */
    private static final Pattern ID = Pattern.compile("\"session_id\"\\s*:\\s*\"([^\"]+)\"");

    private volatile SessionClock clock = new SessionClock();

    /** The clock the sessions benchmark fills. */
    void timeSessions(SessionClock clock) {
        this.clock = clock;
    }

    private final HttpServer server;
    private final ExecutorService handlers;
    private final String base;
    private final Partner[] partners;
    private final Map<String, Sent> sent;

    FakeEmsps(int count, Map<String, Sent> sent) throws IOException {
        this.sent = sent;
        partners = new Partner[count];
        for (int i = 0; i < count; i++) {
            partners[i] = new Partner();
        }
        // the JDK's server writes headers and body apart: without this, Nagle's algorithm and the
        // client's delayed ACK hold every answer about 40 ms, which would be measured as our latency
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/emsp/";
        server.createContext("/emsp/", this::handle);
        handlers = Executors.newFixedThreadPool(32);
        server.setExecutor(handlers);
        server.start();
    }

    Partner partner(int i) {
        return partners[i];
    }

    String versionsUrl(int i) {
        return base + i + "/versions";
    }

    static String partyId(int i) {
        return String.format("B%02d", i);
    }

    /** Its 2.2.1 credentials object with a fresh token for the CSMS. */
    String credentials(int i) {
        return "{\"token\":\"" + UUID.randomUUID() + "\",\"url\":\"" + versionsUrl(i)
                + "\",\"roles\":[{\"role\":\"EMSP\",\"party_id\":\"" + partyId(i)
                + "\",\"country_code\":\"DE\",\"business_details\":{\"name\":\"Bench eMSP " + i + "\"}}]}";
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            Matcher partnerPath = PARTNER_PATH.matcher(exchange.getRequestURI().getPath());
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (!partnerPath.matches() || Integer.parseInt(partnerPath.group(1)) >= partners.length) {
                send(exchange, 404, envelope(2000, "null"));
                return;
            }
            int i = Integer.parseInt(partnerPath.group(1));
            String path = partnerPath.group(2);
            String method = exchange.getRequestMethod();
            String own = base + i;
            if (path.equals("/versions")) {
                send(exchange, 200, envelope(1000, "[{\"version\":\"2.2.1\",\"url\":\"" + own + "/2.2.1\"}]"));
            } else if (path.equals("/2.2.1")) {
                send(
                        exchange,
                        200,
                        envelope(
                                1000,
                                "{\"version\":\"2.2.1\",\"endpoints\":["
                                        + "{\"identifier\":\"credentials\",\"role\":\"SENDER\",\"url\":\"" + own
                                        + "/2.2.1/credentials\"},"
                                        + "{\"identifier\":\"locations\",\"role\":\"RECEIVER\",\"url\":\"" + own
                                        + "/2.2.1/locations\"},"
                                        + "{\"identifier\":\"sessions\",\"role\":\"RECEIVER\",\"url\":\"" + own
                                        + "/2.2.1/sessions\"},"
                                        + "{\"identifier\":\"cdrs\",\"role\":\"RECEIVER\",\"url\":\"" + own
                                        + "/2.2.1/cdrs\"}]}"));
            } else if (path.equals("/2.2.1/credentials") && !method.equals("GET")) {
                String text = new String(body, StandardCharsets.UTF_8);
                if (!method.equals("DELETE")) {
                    partners[i].tokenForCsms = Api.field(text, "token");
                }
                send(exchange, 200, envelope(1000, method.equals("DELETE") ? "null" : credentials(i)));
            } else if (path.startsWith("/2.2.1/sessions/")) {
                session(partners[i], method, path, new String(body, StandardCharsets.UTF_8), arrived);
                send(exchange, 200, envelope(1000, "null"));
            } else if (path.equals("/2.2.1/cdrs") && method.equals("POST")) {
                cdr(partners[i], new String(body, StandardCharsets.UTF_8), arrived);
                exchange.getResponseHeaders().set("Location", own + "/2.2.1/cdrs/" + UUID.randomUUID());
                send(exchange, 200, envelope(1000, "null"));
            } else if (path.startsWith("/2.2.1/locations/")) {
                received(partners[i], method, path, new String(body, StandardCharsets.UTF_8), arrived);
                send(exchange, 200, envelope(1000, "null"));
            } else {
                send(exchange, 404, envelope(2000, "null"));
            }
        }
    }

    private void received(Partner partner, String method, String path, String body, long arrived) {
        Matcher evse = EVSE_PATH.matcher(path);
        if (!method.equals("PATCH") || !evse.matches()) {
            partner.whole.incrementAndGet();
            return;
        }
        Matcher status = STATUS.matcher(body);
        Sent last = sent.get(evse.group(2));
        if (last != null && status.find() && status.group(1).equals(last.status())) {
            partner.latency.answered(arrived - last.nanos());
        } else {
            partner.overtaken.incrementAndGet();
        }
    }

    private void session(Partner partner, String method, String path, String body, long arrived) {
        Matcher session = SESSION_PATH.matcher(path);
        if (!session.matches()) {
            return;
        }
        String id = session.group(1);
        if (method.equals("PUT") && body.contains("\"COMPLETED\"")) {
            partner.completed.incrementAndGet();
        } else if (method.equals("PUT") && partner.started.add(id)) {
            Long sent = clock.starts.get(id);
            if (sent != null) {
                partner.sessionStarts.answered(arrived - sent);
            }
        }
        if (method.equals("PATCH")) {
            partner.patches.incrementAndGet();
            Matcher kwh = KWH.matcher(body);
            if (kwh.find()) {
                long wh =
                        new java.math.BigDecimal(kwh.group(1)).movePointRight(3).longValue();
                Long sent = clock.meterValues.remove(id + ":" + wh);
                if (sent != null) {
                    partner.sessionUpdates.answered(arrived - sent);
                }
            }
        }
    }

    private void cdr(Partner partner, String body, long arrived) {
        Matcher id = ID.matcher(body);
        if (!id.find()) {
            return;
        }
        if (!partner.cdrIds.add(id.group(1))) {
            partner.cdrDuplicates.incrementAndGet();
            return;
        }
        Long sent = clock.stops.get(id.group(1));
        if (sent != null) {
            partner.cdrs.answered(arrived - sent);
        }
    }

    private static String envelope(int status, String data) {
        return "{\"data\":" + data + ",\"status_code\":" + status + ",\"timestamp\":\"" + Instant.now() + "\"}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
