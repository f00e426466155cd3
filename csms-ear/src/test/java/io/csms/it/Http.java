package io.csms.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** A real HTTP client against the server under test. */
public final class Http {

    /** The plain HTTP client every static method uses. */
    public static final Client PLAIN = new Client(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), null);

    private Http() {}

    /** A client over TLS (https on the server's TLS port) presenting what {@code tls} holds. */
    public static Client tls(SSLContext tls) {
        return new Client(
                HttpClient.newBuilder()
                        .sslContext(tls)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build(),
                "https://localhost:" + ServerUnderTest.httpsPort());
    }

    public static HttpResponse<String> get(String url, String... headers) {
        return PLAIN.get(url, headers);
    }

    public static HttpResponse<String> post(String url, String json, String... headers) {
        return PLAIN.post(url, json, headers);
    }

    public static HttpResponse<String> put(String url, String json, String... headers) {
        return PLAIN.put(url, json, headers);
    }

    public static HttpResponse<String> delete(String url, String... headers) {
        return PLAIN.delete(url, headers);
    }

    /** Any method with a JSON body (a DELETE that carries a confirmation code, say). */
    public static HttpResponse<String> send(String method, String url, String json, String... headers) {
        return PLAIN.send(method, url, json, headers);
    }

    /** A POST that is answered later (while the test plays the charger). */
    public static java.util.concurrent.CompletableFuture<HttpResponse<String>> postAsync(
            String url, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(PLAIN.absolute(url)))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return PLAIN.client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What a request sent from another loopback address got: status, headers (lower-case names) and body. */
    public record Answer(int status, Map<String, String> headers, String body) {}

    /**
     * A GET sent from another loopback address ({@code 127.0.0.x}), so that limits per client address
     * can be tested without touching the address every other test uses.
     */
    public static Answer getFrom(String localAddress, String path, String... headers) {
        return requestFrom(localAddress, "GET", path, null, headers);
    }

    /**
     * A request sent from another loopback address, with a JSON body when {@code json} is not null.
     * A plain socket, because the JDK's HttpClient cannot choose its local address before Java 19.
     */
    public static Answer requestFrom(String localAddress, String method, String path, String json, String... headers) {
        URI base = URI.create(ServerUnderTest.baseUrl());
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5000);
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:"
                    + base.getPort() + "\r\nConnection: close\r\n");
            if (json != null) {
                request.append("Content-Type: application/json\r\nContent-Length: ")
                        .append(body.length)
                        .append("\r\n");
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            int status = Integer.parseInt(in.readLine().split(" ")[1]);
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                answerHeaders.put(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
            StringBuilder answer = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                answer.append(line).append('\n');
            }
            return new Answer(status, answerHeaders, answer.toString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " from " + localAddress + " failed", e);
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        return json(response.body());
    }

    public static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** One HTTP client with its base URL (the server's plain HTTP one when null). */
    public static final class Client {

        private final HttpClient client;
        private final String base;

        private Client(HttpClient client, String base) {
            this.client = client;
            this.base = base;
        }

        public HttpResponse<String> get(String url, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absolute(url)))
                    .timeout(Duration.ofSeconds(30))
                    .GET();
            if (headers.length > 0) {
                request.headers(headers);
            }
            return send(request.build());
        }

        public HttpResponse<String> post(String url, String json, String... headers) {
            return withBody("POST", url, json, headers);
        }

        public HttpResponse<String> put(String url, String json, String... headers) {
            return withBody("PUT", url, json, headers);
        }

        public HttpResponse<String> delete(String url, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absolute(url)))
                    .timeout(Duration.ofSeconds(30))
                    .DELETE();
            if (headers.length > 0) {
                request.headers(headers);
            }
            return send(request.build());
        }

        public HttpResponse<String> send(String method, String url, String json, String... headers) {
            return withBody(method, url, json, headers);
        }

        private HttpResponse<String> withBody(String method, String url, String json, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absolute(url)))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                if (headers[i].equalsIgnoreCase("Content-Type")) {
                    request.setHeader(headers[i], headers[i + 1]); // replaces the JSON one
                } else {
                    request.header(headers[i], headers[i + 1]);
                }
            }
            return send(request.build());
        }

        private String absolute(String url) {
            return url.startsWith("http") ? url : (base == null ? ServerUnderTest.baseUrl() : base) + url;
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new AssertionError("HTTP " + request.method() + " " + request.uri() + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
