package io.csms.server.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSMS's HTTP doors as the load tool uses them: the operator API with an admin's access token,
 * and OCPI with a partner's token. JSON is read with patterns: the tool needs a few fields only and
 * keeps no JSON library.
 */
final class Api {

    private final HttpClient client;
    private final URI base;
    private volatile String bearer;

    Api(HttpClient client, URI base) {
        this.client = client;
        this.base = base;
    }

    /** Logs in as an operator (no second factor: a bench). */
    void login(String email, String password) {
        HttpResponse<String> answer =
                send("POST", "/csms/api/auth/login", json("email", email, "password", password), null);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(
                    "login as " + email + " failed: " + answer.statusCode() + " " + answer.body());
        }
        bearer = "Bearer " + field(answer.body(), "access_token");
    }

    HttpResponse<String> admin(String method, String path, String body) {
        return send(method, path, body, bearer);
    }

    CompletableFuture<HttpResponse<String>> adminAsync(String method, String path, String body) {
        return client.sendAsync(request(method, path, body, bearer), HttpResponse.BodyHandlers.ofString());
    }

    /** An OCPI call with {@code token} in the 2.2.1 form (base64). */
    HttpResponse<String> ocpi(String method, String path, String body, String token) {
        return send(method, path, body, ocpiAuthorization(token));
    }

    static String ocpiAuthorization(String token) {
        return "Token " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization) {
        try {
            return client.send(request(method, path, body, authorization), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String method, String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    /** A JSON object of string fields: name, value, name, value... */
    static String json(String... namesAndValues) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            json.append(i == 0 ? "" : ",")
                    .append('"')
                    .append(namesAndValues[i])
                    .append("\":\"")
                    .append(namesAndValues[i + 1].replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return json.append('}').toString();
    }

    /** The first string value of {@code name} in {@code json}. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"")
                .matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** Every number value of {@code name} in {@code json}, in order. */
    static List<Long> numbers(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\\d+)")
                .matcher(json);
        List<Long> values = new ArrayList<>();
        while (m.find()) {
            values.add(Long.parseLong(m.group(1)));
        }
        return values;
    }
}
