package io.csms.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A roaming partner (an eMSP or a hub) for the tests, over real HTTP in the test JVM: the OCPI
 * versions, version details and credentials endpoints, the tokens it accepts, the token it holds for
 * the CSMS, and switches to make it fail. A fake, because no other OCPI platform can run here.
 */
public final class OcpiTestPartner implements AutoCloseable {

    private final HttpServer server;
    private final String base;
    private final String countryCode;
    private final String partyId;
    private final String role;

    /** Tokens the partner accepts from the CSMS (its token B, or the token A it handed out). */
    public final Set<String> accepted = ConcurrentHashMap.newKeySet();
    /** Every Authorization header the CSMS sent, in order. */
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** The token the CSMS gave the partner (token C), as last received. */
    public volatile String tokenForCsms;

    public volatile List<String> versionsOffered = List.of("2.2.1");
    public volatile boolean failVersions;
    public volatile boolean failPut;
    /** Like a strict 2.1.1 platform: {@code Token <token>} only, a base64 form is an unknown token. */
    public volatile boolean plainTokensOnly;
    /** Its versions answer is larger than anyone should read (2 MiB). */
    public volatile boolean hugeVersions;
    /** It holds its versions answer back this long (a tarpit). */
    public volatile long versionsDelayMillis;
    /** It lists a Locations Receiver endpoint in its version details (an eMSP that takes pushes). */
    public volatile boolean receivesLocations;
    /** It lists a Tariffs Receiver endpoint in its version details. */
    public volatile boolean receivesTariffs;
    /** Its Receiver endpoints answer 503, as a platform that is down. */
    public volatile boolean receiverDown;
    /** Pushes whose path contains this are refused with OCPI status 2001 (the partner will not take that object). */
    public volatile String refusing;

    /** It lists a CDRs Receiver endpoint (an eMSP that bills its drivers). */
    public volatile boolean receivesCdrs;
    /** It lists a Sessions Receiver endpoint (an eMSP that follows its drivers' sessions). */
    public volatile boolean receivesSessions;
    /** It lists a Tokens Sender endpoint (an eMSP that authorizes its tokens in real time). */
    public volatile boolean sendsTokens;
    /** What it answers a real-time authorization with (AllowedType); null: 404, it does not know the token. */
    public volatile String allowed = "ALLOWED";
    /** The authorization_reference it gives with its answer (2.2.1), or null. */
    public volatile String authorizationReference;
    /** It holds its real-time authorization answers back this long (an eMSP that is slow). */
    public volatile long authorizeDelayMillis;

    /** A push the partner received on a Receiver endpoint. */
    public record Received(
            String method, String path, JsonObject body, String fromParty, String toParty, java.time.Instant at) {

        Received(String method, String path, JsonObject body, String fromParty, String toParty) {
            this(method, path, body, fromParty, toParty, java.time.Instant.now());
        }
    }

    /** Every push received (while not down), in order of arrival. */
    public final List<Received> received = new CopyOnWriteArrayList<>();

    private final java.util.concurrent.ExecutorService handlers;

    public OcpiTestPartner(String countryCode, String partyId, String role) throws IOException {
        this.countryCode = countryCode;
        this.partyId = partyId;
        this.role = role;
        // answers without the 40 ms that Nagle's algorithm and delayed ACKs add to the JDK server's replies
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/ocpi/emsp";
        server.createContext("/ocpi/emsp/", this::handle);
        // handlers on threads of their own: a slow answer (the tarpit) does not hold up stop()
        handlers = java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "ocpi-test-partner");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.start();
    }

    public String countryCode() {
        return countryCode;
    }

    public String partyId() {
        return partyId;
    }

    public String role() {
        return role;
    }

    /** A response_url for a command's result: {@code .../<version>/commands/<name>}. */
    public String commandResultUrl(String version, String name) {
        return base + "/" + version + "/commands/" + name;
    }

    public String versionsUrl() {
        return base + "/versions";
    }

    /** A fresh token the partner will accept from the CSMS. */
    public String newToken() {
        String token = "B-" + UUID.randomUUID();
        accepted.add(token);
        return token;
    }

    /** The partner's 2.1.1 credentials object (one party, no roles) with {@code token} for the CSMS to use. */
    public JsonObject credentials211(String token) {
        return Json.createObjectBuilder()
                .add("token", token)
                .add("url", versionsUrl())
                .add("business_details", Json.createObjectBuilder().add("name", "Test " + partyId))
                .add("party_id", partyId)
                .add("country_code", countryCode)
                .build();
    }

    /** The partner's credentials object (2.2.1) with {@code token} for the CSMS to use. */
    public JsonObject credentials(String token) {
        return Json.createObjectBuilder()
                .add("token", token)
                .add("url", versionsUrl())
                .add(
                        "roles",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("role", role)
                                        .add("party_id", partyId)
                                        .add("country_code", countryCode)
                                        .add(
                                                "business_details",
                                                Json.createObjectBuilder().add("name", "Test " + partyId))))
                .build();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "" : auth);
            String token = presented(auth);
            if (token == null) {
                send(exchange, 401, envelope(2000, JsonValue.NULL));
                return;
            }
            String path = exchange.getRequestURI().getPath().substring("/ocpi/emsp".length());
            String method = exchange.getRequestMethod();
            if (path.equals("/versions") && method.equals("GET")) {
                if (failVersions) {
                    send(exchange, 500, "oops");
                    return;
                }
                if (versionsDelayMillis > 0) {
                    try {
                        Thread.sleep(versionsDelayMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (hugeVersions) {
                    send(exchange, 200, envelope(1000, Json.createValue("x".repeat(2 << 20))));
                    return;
                }
                var list = Json.createArrayBuilder();
                versionsOffered.forEach(v ->
                        list.add(Json.createObjectBuilder().add("version", v).add("url", base + "/" + v)));
                send(exchange, 200, envelope(1000, list.build()));
            } else if (path.equals("/2.2.1") && method.equals("GET")) {
                send(
                        exchange,
                        200,
                        envelope(
                                1000,
                                Json.createObjectBuilder()
                                        .add("version", "2.2.1")
                                        .add(
                                                "endpoints",
                                                Json.createArrayBuilder()
                                                        .add(Json.createObjectBuilder()
                                                                .add("identifier", "credentials")
                                                                .add("role", "SENDER")
                                                                .add("url", base + "/2.2.1/credentials"))
                                                        .addAll(receiverEndpoints("2.2.1")))
                                        .build()));
            } else if (path.equals("/2.1.1") && method.equals("GET")) {
                send(
                        exchange,
                        200,
                        envelope(
                                1000,
                                Json.createObjectBuilder()
                                        .add("version", "2.1.1")
                                        .add(
                                                "endpoints",
                                                Json.createArrayBuilder()
                                                        .add(Json.createObjectBuilder()
                                                                .add("identifier", "credentials")
                                                                .add("url", base + "/2.1.1/credentials"))
                                                        .addAll(receiverEndpoints("2.1.1")))
                                        .build()));
            } else if (path.matches("/2\\.(2\\.1|1\\.1)/credentials") && method.equals("GET")) {
                // what it holds of ours is not this fake's concern: it shows its own credentials
                send(
                        exchange,
                        200,
                        envelope(1000, path.startsWith("/2.1.1") ? credentials211(token) : credentials(token)));
            } else if (path.matches("/2\\.(2\\.1|1\\.1)/credentials")
                    && (method.equals("POST") || method.equals("PUT"))) {
                if (method.equals("PUT") && failPut) {
                    send(exchange, 500, "rotation refused");
                    return;
                }
                JsonObject theirs;
                try (InputStream in = exchange.getRequestBody()) {
                    theirs = Json.createReader(in).readObject();
                }
                tokenForCsms = theirs.getString("token");
                String next = newToken();
                accepted.remove(token); // the token the CSMS used (A, or the previous B) is spent
                send(
                        exchange,
                        200,
                        envelope(1000, path.startsWith("/2.1.1") ? credentials211(next) : credentials(next)));
            } else if ((path.matches("/2\\.(2\\.1|1\\.1)/locations/.+")
                            && (method.equals("PUT") || method.equals("PATCH")))
                    || (path.matches("/2\\.(2\\.1|1\\.1)/tariffs/.+")
                            && (method.equals("PUT") || method.equals("DELETE")))
                    || (path.matches("/2\\.(2\\.1|1\\.1)/sessions/.+")
                            && (method.equals("PUT") || method.equals("PATCH")))
                    // the results of commands, at the response_url the eMSP gave (under /commands/)
                    || (path.matches("/2\\.(2\\.1|1\\.1)/commands/.+") && method.equals("POST"))) {
                if (receiverDown) {
                    send(exchange, 503, "down for maintenance");
                    return;
                }
                String refused = refusing;
                if (refused != null && path.contains(refused)) {
                    send(exchange, 200, envelope(2001, JsonValue.NULL));
                    return;
                }
                JsonObject body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = method.equals("DELETE")
                            ? JsonValue.EMPTY_JSON_OBJECT
                            : Json.createReader(in).readObject();
                }
                var headers = exchange.getRequestHeaders();
                received.add(new Received(
                        method,
                        path,
                        body,
                        headers.getFirst("OCPI-from-country-code") + "*" + headers.getFirst("OCPI-from-party-id"),
                        headers.getFirst("OCPI-to-country-code") + "*" + headers.getFirst("OCPI-to-party-id")));
                send(exchange, 200, envelope(1000, JsonValue.NULL));
            } else if (path.matches("/2\\.(2\\.1|1\\.1)/cdrs") && method.equals("POST")) {
                if (receiverDown) {
                    send(exchange, 503, "down for maintenance");
                    return;
                }
                JsonObject body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = Json.createReader(in).readObject();
                }
                var headers = exchange.getRequestHeaders();
                received.add(new Received(
                        method,
                        path,
                        body,
                        headers.getFirst("OCPI-from-country-code") + "*" + headers.getFirst("OCPI-from-party-id"),
                        headers.getFirst("OCPI-to-country-code") + "*" + headers.getFirst("OCPI-to-party-id")));
                // where the eMSP keeps it: the CPO may GET it there
                exchange.getResponseHeaders().set("Location", base + path + "/" + body.getString("id"));
                send(exchange, 200, envelope(1000, JsonValue.NULL));
            } else if (path.matches("/2\\.(2\\.1|1\\.1)/tokens/[^/]+/authorize") && method.equals("POST")) {
                authorize(exchange, path);
            } else if (path.matches("/2\\.(2\\.1|1\\.1)/credentials") && method.equals("DELETE")) {
                send(exchange, 200, envelope(1000, JsonValue.NULL));
            } else {
                send(exchange, 404, envelope(2000, JsonValue.NULL));
            }
        }
    }

    /** A real-time authorization: recorded as received (the query in the path), answered as set. */
    private void authorize(HttpExchange exchange, String path) throws IOException {
        String text;
        try (InputStream in = exchange.getRequestBody()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonObject body = text.isBlank()
                ? JsonValue.EMPTY_JSON_OBJECT
                : Json.createReader(new java.io.StringReader(text)).readObject();
        var headers = exchange.getRequestHeaders();
        String query = exchange.getRequestURI().getRawQuery();
        received.add(new Received(
                "POST",
                path + (query == null ? "" : "?" + query),
                body,
                headers.getFirst("OCPI-from-country-code") + "*" + headers.getFirst("OCPI-from-party-id"),
                headers.getFirst("OCPI-to-country-code") + "*" + headers.getFirst("OCPI-to-party-id")));
        if (authorizeDelayMillis > 0) {
            try {
                Thread.sleep(authorizeDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String answer = allowed;
        if (answer == null) {
            send(exchange, 404, envelope(2004, JsonValue.NULL));
            return;
        }
        var info = Json.createObjectBuilder().add("allowed", answer).add("token", JsonValue.EMPTY_JSON_OBJECT);
        if (authorizationReference != null) {
            info.add("authorization_reference", authorizationReference);
        }
        send(exchange, 200, envelope(1000, info.build()));
    }

    /** The Receiver endpoints it lists in {@code version}'s details. */
    private jakarta.json.JsonArrayBuilder receiverEndpoints(String version) {
        var endpoints = Json.createArrayBuilder();
        if (receivesLocations) {
            var locations = Json.createObjectBuilder().add("identifier", "locations");
            if (version.equals("2.2.1")) {
                locations.add("role", "RECEIVER");
            }
            endpoints.add(locations.add("url", base + "/" + version + "/locations"));
        }
        if (receivesCdrs) {
            var cdrs = Json.createObjectBuilder().add("identifier", "cdrs");
            if (version.equals("2.2.1")) {
                cdrs.add("role", "RECEIVER");
            }
            endpoints.add(cdrs.add("url", base + "/" + version + "/cdrs"));
        }
        if (receivesSessions) {
            var sessions = Json.createObjectBuilder().add("identifier", "sessions");
            if (version.equals("2.2.1")) {
                sessions.add("role", "RECEIVER");
            }
            endpoints.add(sessions.add("url", base + "/" + version + "/sessions"));
        }
        if (sendsTokens) {
            var tokens = Json.createObjectBuilder().add("identifier", "tokens");
            if (version.equals("2.2.1")) {
                tokens.add("role", "SENDER");
            }
            endpoints.add(tokens.add("url", base + "/" + version + "/tokens"));
        }
        if (receivesTariffs) {
            var tariffs = Json.createObjectBuilder().add("identifier", "tariffs");
            if (version.equals("2.2.1")) {
                tariffs.add("role", "RECEIVER");
            }
            endpoints.add(tariffs.add("url", base + "/" + version + "/tariffs"));
        }
        return endpoints;
    }

    /** The accepted token in an Authorization header: {@code Token <base64>} (2.2.1) or {@code Token <token>} (2.1.1). */
    private String presented(String auth) {
        if (auth == null || !auth.startsWith("Token ")) {
            return null;
        }
        String value = auth.substring(6);
        if (accepted.contains(value)) {
            return value;
        }
        if (plainTokensOnly) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            return accepted.contains(decoded) ? decoded : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String envelope(int status, JsonValue data) {
        return Json.createObjectBuilder()
                .add("data", data)
                .add("status_code", status)
                .add("timestamp", java.time.Instant.now().toString())
                .build()
                .toString();
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
