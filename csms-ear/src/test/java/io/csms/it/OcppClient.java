package io.csms.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A simulated charge point: a real WebSocket client (the JDK's) speaking OCPP-J frames. */
public final class OcppClient implements AutoCloseable {

    private final WebSocket socket;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private OcppClient(WebSocket socket) {
        this.socket = socket;
    }

    /** Connects as {@code chargerId} offering subprotocol {@code ocpp1.6}. */
    public static OcppClient connect(String chargerId) {
        return connect(chargerId, null, null);
    }

    /** Connects with HTTP Basic credentials (security profile 1) when {@code password} is given. */
    public static OcppClient connect(String chargerId, String user, String password) {
        Listener listener = new Listener();
        WebSocket.Builder builder = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .subprotocols("ocpp1.6");
        if (password != null) {
            builder.header(
                    "Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()));
        }
        WebSocket socket = builder.buildAsync(uri(chargerId), listener).join();
        listener.client.complete(null);
        OcppClient client = new OcppClient(socket);
        listener.target = client;
        return client;
    }

    /** What {@link #tlsStatus} answers when the server's TLS layer itself ended the connection. */
    public static final int TLS_REFUSED = -1;

    /** Connects over TLS ({@code wss}) presenting the client certificate of {@code tls} (security profile 3). */
    public static OcppClient connect(String chargerId, javax.net.ssl.SSLContext tls) {
        Listener listener = new Listener();
        WebSocket socket = HttpClient.newBuilder()
                .sslContext(tls)
                .build()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .subprotocols("ocpp1.6")
                .buildAsync(tlsUri(chargerId), listener)
                .join();
        listener.client.complete(null);
        OcppClient client = new OcppClient(socket);
        listener.target = client;
        return client;
    }

    private static URI tlsUri(String chargerId) {
        return URI.create("wss://localhost:" + ServerUnderTest.httpsPort() + "/csms/ocpp/" + chargerId);
    }

    /**
     * Connects over TLS ({@code wss}) with the given SSL context (its key manager presents the client
     * certificate, if any) and optional Basic credentials; returns the handshake's HTTP status.
     */
    public static int tlsStatus(String chargerId, javax.net.ssl.SSLContext tls, String user, String password) {
        WebSocket.Builder builder = HttpClient.newBuilder()
                .sslContext(tls)
                .build()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .subprotocols("ocpp1.6");
        if (password != null) {
            builder.header(
                    "Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()));
        }
        try {
            builder.buildAsync(tlsUri(chargerId), new WebSocket.Listener() {})
                    .join()
                    .abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            if (e.getCause() instanceof java.io.IOException) {
                return TLS_REFUSED;
            }
            throw e;
        }
    }

    public static URI uri(String chargerId) {
        return URI.create(ServerUnderTest.baseUrl().replaceFirst("^http", "ws") + "/csms/ocpp/" + chargerId);
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /** Sends a CALL and returns the frame that answers it (CALLRESULT or CALLERROR). */
    public JsonArray call(String action, JsonObject payload) {
        String id = UUID.randomUUID().toString();
        JsonArray frame = Json.createArrayBuilder()
                .add(2)
                .add(id)
                .add(action)
                .add(payload)
                .build();
        sendRaw(frame.toString());
        JsonArray answer = next();
        if (!answer.getString(1).equals(id)) {
            throw new AssertionError("Answer to another message: " + answer + " (sent " + id + ")");
        }
        return answer;
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame the CSMS sent, waiting up to 10 s. */
    public JsonArray next() {
        try {
            String text = received.poll(10, TimeUnit.SECONDS);
            if (text == null) {
                throw new AssertionError("No frame from the CSMS within 10 s");
            }
            return Json.createReader(new StringReader(text)).readArray();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Answers a CALL from the CSMS with a CALLRESULT. */
    public void reply(JsonArray call, JsonObject payload) {
        sendRaw(Json.createArrayBuilder()
                .add(3)
                .add(call.getString(1))
                .add(payload)
                .build()
                .toString());
    }

    /** How the CSMS closed this connection (close code), waiting up to 10 s. */
    public int closedWith() {
        try {
            return closed.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("The CSMS did not close the connection", e);
        }
    }

    /** Whether the CSMS sends anything within {@code wait}. */
    public String poll(Duration wait) throws InterruptedException {
        return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
    }

    /** Unwraps the HTTP status of a refused handshake, if that is why connecting failed. */
    public static int refusedStatus(String chargerId, String... subprotocols) {
        try {
            WebSocket.Builder builder =
                    HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
            if (subprotocols.length > 0) {
                builder.subprotocols(
                        subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
            }
            WebSocket socket = builder.buildAsync(uri(chargerId), new WebSocket.Listener() {})
                    .join();
            socket.abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    /** The HTTP status a handshake with Basic credentials and subprotocol ocpp1.6 gets (101 when upgraded). */
    public static int refusedStatus(String chargerId, String user, String password) {
        try {
            WebSocket socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .subprotocols("ocpp1.6")
                    .header(
                            "Authorization",
                            "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()))
                    .buildAsync(uri(chargerId), new WebSocket.Listener() {})
                    .join();
            socket.abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static final class Listener implements WebSocket.Listener {
        final CompletableFuture<Void> client = new CompletableFuture<>();
        volatile OcppClient target;
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                client.thenRun(() -> target.received.add(text));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            client.thenRun(() -> target.closed.complete(statusCode));
            return null;
        }
    }
}
