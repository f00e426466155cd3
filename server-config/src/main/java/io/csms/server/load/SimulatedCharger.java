package io.csms.server.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One simulated charge point: a WebSocket, at most one outstanding CALL, and a small state machine
 * that boots, reports status, starts a transaction, sends meter values and stops it again.
 */
final class SimulatedCharger implements WebSocket.Listener {

    private static final Pattern RESULT = Pattern.compile("^\\[(\\d),\\s*\"([^\"]+)\"");
    static final Pattern TRANSACTION_ID = Pattern.compile("\"transactionId\"\\s*:\\s*(\\d+)");

    private final String id;
    private final String idTag;
    private volatile Stats stats;
    private final AtomicLong messageIds = new AtomicLong();
    private WebSocket socket;
    private volatile CompletableFuture<String> outstanding;
    private volatile long sentAt;
    private final StringBuilder partial = new StringBuilder();
    private int transactionId = -1;
    private volatile int meter = 0;
    private CompletableFuture<String> chain = CompletableFuture.completedFuture("");

    SimulatedCharger(String id, Stats stats) {
        this.id = id;
        // each charger's own driver card, as in a real fleet (no tag charging at two places at once)
        this.idTag = ("T" + Integer.toHexString(id.hashCode())).toUpperCase();
        this.stats = stats;
    }

    /** From now on, count into {@code window} (a new measurement phase). */
    void measureInto(Stats window) {
        this.stats = window;
    }

    CompletableFuture<Void> connect(HttpClient client, URI base) {
        return client.newWebSocketBuilder()
                .subprotocols("ocpp1.6")
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(base.resolve(base.getPath() + "/" + id), this)
                .thenAccept(ws -> socket = ws);
    }

    boolean busy() {
        return outstanding != null && !outstanding.isDone();
    }

    boolean connected() {
        return socket != null && !socket.isOutputClosed() && !socket.isInputClosed();
    }

    CompletableFuture<String> boot() {
        return call("BootNotification", "{\"chargePointVendor\":\"LoadTool\",\"chargePointModel\":\"Sim\"}");
    }

    /** One step of a charger's life, weighted roughly like a real fleet: mostly heartbeats and meter values. */
    CompletableFuture<String> next() {
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (transactionId < 0) {
            if (dice < 70) {
                return call("Heartbeat", "{}");
            }
            if (dice < 85) {
                return call(
                        "StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}");
            }
            return call(
                            "StartTransaction",
                            "{\"connectorId\":1,\"idTag\":\"" + idTag + "\",\"meterStart\":" + meter
                                    + ",\"timestamp\":\"" + Instant.now() + "\"}")
                    .thenApply(answer -> {
                        Matcher m = TRANSACTION_ID.matcher(answer);
                        if (m.find()) {
                            transactionId = Integer.parseInt(m.group(1));
                        }
                        return answer;
                    });
        }
        if (dice < 80) {
            return meterValue(transactionId);
        }
        if (dice < 95) {
            return call("Heartbeat", "{}");
        }
        int stopped = transactionId;
        transactionId = -1;
        return call(
                "StopTransaction",
                "{\"transactionId\":" + stopped + ",\"meterStop\":" + meter + ",\"timestamp\":\"" + Instant.now()
                        + "\",\"reason\":\"Local\"}");
    }

    /** MeterValues of the transaction: the energy register 250 Wh on, and the power. */
    CompletableFuture<String> meterValue(int transaction) {
        meter += 250;
        return call(
                "MeterValues",
                "{\"connectorId\":1,\"transactionId\":" + transaction + ",\"meterValue\":[{\"timestamp\":\""
                        + Instant.now() + "\",\"sampledValue\":[{\"value\":\"" + meter
                        + "\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"},{\"value\":\"7200\",\"measurand\":\"Power.Active.Import\",\"unit\":\"W\"}]}]}");
    }

    /** The charger's own driver card. */
    String idTag() {
        return idTag;
    }

    /** The energy register now (Wh). */
    int meter() {
        return meter;
    }

    /**
     * Sends {@code call} once every CALL asked for before it is answered (or failed): a charger
     * living on its own clock never has two CALLs outstanding.
     */
    synchronized CompletableFuture<String> afterOutstanding(Supplier<CompletableFuture<String>> call) {
        CompletableFuture<String> next = chain.handle((answer, error) -> null)
                .thenCompose(v -> connected()
                        ? call.get()
                        : CompletableFuture.<String>failedFuture(new IllegalStateException("not connected")));
        chain = next;
        return next;
    }

    /** A StatusNotification of {@code connector}. */
    CompletableFuture<String> status(int connector, String status) {
        return call(
                "StatusNotification",
                "{\"connectorId\":" + connector + ",\"errorCode\":\"NoError\",\"status\":\"" + status + "\"}");
    }

    String id() {
        return id;
    }

    /** One CALL of the caller's choosing (the sessions benchmark drives its chargers itself). */
    CompletableFuture<String> send(String action, String payload) {
        return call(action, payload);
    }

    private CompletableFuture<String> call(String action, String payload) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        outstanding = answer;
        sentAt = System.nanoTime();
        String frame = "[2,\"" + id + "-" + messageIds.incrementAndGet() + "\",\"" + action + "\"," + payload + "]";
        socket.sendText(frame, true).whenComplete((ws, error) -> {
            if (error != null) {
                stats.error();
                answer.completeExceptionally(error);
            }
        });
        return answer;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            Matcher m = RESULT.matcher(text);
            CompletableFuture<String> answer = outstanding;
            if (m.find() && answer != null) {
                if (m.group(1).equals("3")) {
                    stats.answered(System.nanoTime() - sentAt);
                } else {
                    stats.error();
                }
                answer.complete(text);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        stats.disconnected();
        CompletableFuture<String> answer = outstanding;
        if (answer != null) {
            answer.completeExceptionally(new IllegalStateException("closed " + statusCode));
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        stats.disconnected();
    }

    void close() {
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
        }
    }
}
