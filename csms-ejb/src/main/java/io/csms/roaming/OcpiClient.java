package io.csms.roaming;

import io.csms.platform.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Our requests to partners' OCPI APIs: the token in the form the partner expects, its TOTP when it
 * asks for one, {@code X-Request-ID} and {@code X-Correlation-ID}, time limits, and retries with
 * backoff for the idempotent GET and DELETE. Answers count only when they are a 1000 envelope.
 */
@ApplicationScoped
public class OcpiClient {

    private static final Logger LOG = Logger.getLogger(OcpiClient.class.getName());
    private static final int ATTEMPTS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** A push waits less: a partner that is slow holds only its own queue, and tries again later. */
    private static final Duration PUSH_TIMEOUT = Duration.ofSeconds(5);

    static final int MAX_BODY_BYTES = 1 << 20;

    @Inject
    PartnerUrls urls;

    /** Seconds per TOTP slot, as agreed with partners (the same setting verifies theirs). */
    @Inject
    @ConfigProperty(name = "csms.ocpi.totp.validity-seconds", defaultValue = "30")
    int totpValiditySeconds;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** How we authenticate to one partner: its token, plain or base64, and an optional TOTP secret. */
    public record Credentials(String token, boolean base64, String totpSecret) {

        String authorization() {
            return "Token "
                    + (base64 ? Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)) : token);
        }
    }

    /** The call did not give a successful OCPI answer; {@code reachable} says whether the partner answered at all. */
    public static class CallFailed extends Exception {
        private final boolean reachable;
        private final int httpStatus;

        CallFailed(String message, boolean reachable) {
            this(message, reachable, 0);
        }

        private final int ocpiStatus;

        CallFailed(String message, boolean reachable, int httpStatus) {
            this(message, reachable, httpStatus, 0);
        }

        CallFailed(String message, boolean reachable, int httpStatus, int ocpiStatus) {
            super(message);
            this.reachable = reachable;
            this.httpStatus = httpStatus;
            this.ocpiStatus = ocpiStatus;
        }

        /** The OCPI status code of an answer that was not a success (e.g. 2004 unknown token), else 0. */
        public int ocpiStatus() {
            return ocpiStatus;
        }

        public boolean reachable() {
            return reachable;
        }

        /** The partner's HTTP status when it answered with one other than 2xx, else 0. */
        public int httpStatus() {
            return httpStatus;
        }
    }

    public JsonValue get(String url, Credentials credentials, String correlationId) throws CallFailed {
        return call(
                "GET",
                url,
                credentials,
                null,
                correlationId,
                ATTEMPTS,
                Instant.now().plus(TIMEOUT.multipliedBy(ATTEMPTS)));
    }

    /** A GET that, retries included, ends by {@code deadline} (a handshake's whole time). */
    public JsonValue get(String url, Credentials credentials, String correlationId, Instant deadline)
            throws CallFailed {
        return call("GET", url, credentials, null, correlationId, ATTEMPTS, deadline);
    }

    public JsonValue post(String url, Credentials credentials, JsonObject body, String correlationId)
            throws CallFailed {
        return call(
                "POST", url, credentials, body, correlationId, 1, Instant.now().plus(TIMEOUT));
    }

    public JsonValue put(String url, Credentials credentials, JsonObject body, String correlationId) throws CallFailed {
        return call(
                "PUT", url, credentials, body, correlationId, 1, Instant.now().plus(TIMEOUT));
    }

    public JsonValue delete(String url, Credentials credentials, String correlationId) throws CallFailed {
        return call(
                "DELETE",
                url,
                credentials,
                null,
                correlationId,
                ATTEMPTS,
                Instant.now().plus(TIMEOUT.multipliedBy(ATTEMPTS)));
    }

    private JsonValue call(
            String method,
            String url,
            Credentials credentials,
            JsonObject body,
            String correlationId,
            int attempts,
            Instant deadline)
            throws CallFailed {
        URI uri = target(url);
        CallFailed last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                pause(Duration.ofMillis(250L << (attempt - 2)));
            }
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw last != null ? last : new CallFailed(method + " " + uri + ": no time left", false);
            }
            try {
                return once(
                        method, uri, credentials, body, correlationId, left.compareTo(TIMEOUT) < 0 ? left : TIMEOUT);
            } catch (CallFailed e) {
                last = e;
                if (e.reachable() && e.httpStatus() < 500) {
                    break; // the partner answered: asking again gives the same answer
                }
            }
        }
        throw last;
    }

    private JsonValue once(
            String method, URI uri, Credentials credentials, JsonObject body, String correlationId, Duration timeout)
            throws CallFailed {
        HttpResponse<String> response;
        var exchange =
                http.sendAsync(request(method, uri, credentials, body, correlationId, timeout, Map.of()), capped());
        try {
            // the whole exchange, body included, within the time limit: a partner that trickles holds nothing long
            response = exchange.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            exchange.cancel(true);
            throw new CallFailed(
                    method + " " + uri + ": no complete answer within " + timeout.toMillis() + " ms", false);
        } catch (java.util.concurrent.ExecutionException e) {
            throw unanswered(method, uri, e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new CallFailed(method + " " + uri + ": interrupted", false);
        }
        return answer(method, uri, response);
    }

    /**
     * A push to a partner's Receiver interface ({@code PUT}, {@code PATCH} or {@code DELETE}) with
     * the routing headers given, tried once (the outbox retries it with backoff), without waiting: the answer's data, or a {@link CallFailed} as the cause of the
     * future's failure. The push worker keeps several pushes to one partner in flight, each of a
     * different object, so a partner far away is not limited to one change per round trip.
     */
    public java.util.concurrent.CompletableFuture<Answered> pushAsync(
            String method, String url, Credentials credentials, JsonObject body, Map<String, String> headers) {
        return exchangeAsync(method, url, credentials, body, headers, PUSH_TIMEOUT);
    }

    /** A successful answer: its data, and the {@code Location} header when the partner sent one (a CDR's URL). */
    public record Answered(JsonValue data, String location) {}

    /**
     * One request without waiting and without retries, whose whole exchange ends within
     * {@code timeout}: the answer's data, or a {@link CallFailed} as the cause of the future's failure.
     */
    public java.util.concurrent.CompletableFuture<JsonValue> callAsync(
            String method,
            String url,
            Credentials credentials,
            JsonObject body,
            Map<String, String> headers,
            Duration timeout) {
        return exchangeAsync(method, url, credentials, body, headers, timeout).thenApply(Answered::data);
    }

    private java.util.concurrent.CompletableFuture<Answered> exchangeAsync(
            String method,
            String url,
            Credentials credentials,
            JsonObject body,
            Map<String, String> headers,
            Duration timeout) {
        URI uri;
        try {
            uri = target(url);
        } catch (CallFailed refused) {
            return java.util.concurrent.CompletableFuture.failedFuture(refused);
        }
        var exchange = http.sendAsync(request(method, uri, credentials, body, null, timeout, headers), capped());
        return exchange.orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((response, error) -> {
                    try {
                        if (error != null) {
                            Throwable cause = error instanceof java.util.concurrent.CompletionException
                                    ? error.getCause()
                                    : error;
                            throw cause instanceof java.util.concurrent.TimeoutException
                                    ? new CallFailed(
                                            method + " " + uri + ": no complete answer within " + timeout.toMillis()
                                                    + " ms",
                                            false)
                                    : unanswered(method, uri, cause);
                        }
                        return new Answered(
                                answer(method, uri, response),
                                response.headers().firstValue("Location").orElse(null));
                    } catch (CallFailed failed) {
                        throw new java.util.concurrent.CompletionException(failed);
                    }
                });
    }

    /** The URL, when it is one we may call (a partner cannot point us into our own network). */
    private URI target(String url) throws CallFailed {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new CallFailed("Not a URL: " + url, false);
        }
        Optional<String> refused = urls.refusal(uri);
        if (refused.isPresent()) {
            throw new CallFailed("Refused to call " + uri + ": " + refused.get(), false);
        }
        return uri;
    }

    private HttpRequest request(
            String method,
            URI uri,
            Credentials credentials,
            JsonObject body,
            String correlationId,
            Duration timeout,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", credentials.authorization())
                .header("X-Request-ID", UUID.randomUUID().toString())
                .header(
                        "X-Correlation-ID",
                        correlationId == null ? UUID.randomUUID().toString() : correlationId)
                .header("Accept", "application/json");
        headers.forEach(request::header);
        if (credentials.totpSecret() != null) {
            request.header(
                    "TOTP",
                    "0 "
                            + Totp.of(credentials.totpSecret(), totpValiditySeconds, null, null, null)
                                    .window(System.currentTimeMillis())
                                    .current());
        }
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return request.build();
    }

    /** The exchange failed before an answer: too large, refused, reset... */
    private static CallFailed unanswered(String method, URI uri, Throwable cause) {
        LOG.log(Level.FINE, "OCPI {0} {1} failed: {2}", new Object[] {method, uri, cause.toString()});
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof AnswerTooLarge) {
                return new CallFailed(method + " " + uri + ": answer larger than " + MAX_BODY_BYTES + " bytes", false);
            }
        }
        return new CallFailed(method + " " + uri + ": " + cause.getClass().getSimpleName(), false);
    }

    /** The answer's data when it is a 2xx with a 1000 envelope. */
    private static JsonValue answer(String method, URI uri, HttpResponse<String> response) throws CallFailed {
        if (response.statusCode() / 100 != 2) {
            throw new CallFailed(
                    "HTTP " + response.statusCode() + " from " + method + " " + uri, true, response.statusCode());
        }
        JsonObject envelope;
        try (JsonReader reader = Jsonp.JSON.createReader(new StringReader(response.body()))) {
            envelope = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new CallFailed("Not an OCPI response from " + method + " " + uri, true);
        }
        int status = envelope.containsKey("status_code")
                        && envelope.get("status_code").getValueType() == JsonValue.ValueType.NUMBER
                ? envelope.getInt("status_code")
                : -1;
        if (status != 1000) {
            throw new CallFailed(
                    "OCPI status " + status + " (" + envelope.getString("status_message", "") + ") from " + method + " "
                            + uri,
                    true,
                    0,
                    Math.max(status, 0));
        }
        return envelope.getOrDefault("data", JsonValue.NULL);
    }

    /**
     * The body as text, at most {@value #MAX_BODY_BYTES} bytes: a partner (or whatever a URL points
     * at) cannot make us hold an endless answer in memory (security review H8); past the limit the
     * exchange is cancelled.
     */
    private static HttpResponse.BodyHandler<String> capped() {
        return info -> new HttpResponse.BodySubscriber<>() {
            private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            private final java.util.concurrent.CompletableFuture<String> body =
                    new java.util.concurrent.CompletableFuture<>();
            private java.util.concurrent.Flow.Subscription subscription;

            @Override
            public java.util.concurrent.CompletionStage<String> getBody() {
                return body;
            }

            @Override
            public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(List<java.nio.ByteBuffer> buffers) {
                for (java.nio.ByteBuffer buffer : buffers) {
                    if (bytes.size() + buffer.remaining() > MAX_BODY_BYTES) {
                        subscription.cancel();
                        body.completeExceptionally(new AnswerTooLarge());
                        return;
                    }
                    byte[] chunk = new byte[buffer.remaining()];
                    buffer.get(chunk);
                    bytes.write(chunk, 0, chunk.length);
                }
            }

            @Override
            public void onError(Throwable failure) {
                body.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                body.complete(bytes.toString(StandardCharsets.UTF_8));
            }
        };
    }

    /** The partner's answer went past {@link #MAX_BODY_BYTES}; the exchange was cancelled. */
    static final class AnswerTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        AnswerTooLarge() {
            super("Answer larger than " + MAX_BODY_BYTES + " bytes");
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
