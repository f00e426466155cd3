package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The access matrix of the whole API, taken from the OpenAPI document the application serves, so
 * that an endpoint added later joins it without anyone remembering to: every operation that needs a
 * token refuses none (401), one for another audience (401) and the wrong role (403), and lets the
 * right role past authorization (whatever the request then gets: 400 for an empty body, 404 for an
 * unknown id). Roles follow the path: {@code /admin/accounts} is root's, the rest of {@code /admin}
 * operators', everything else any account's.
 */
@ExtendWith(ArquillianExtension.class)
public class ApiAccessIT extends CsmsEar {

    private static final List<String> METHODS = List.of("get", "post", "put", "delete");

    @Test
    public void every_protected_operation_refuses_the_wrong_callers_and_admits_the_right_one() {
        Driver driver = Driver.signUp();
        String subject = Long.toString(driver.accountId);
        String[] user = driver.bearer();
        String[] admin = bearer(Tokens.valid(subject, "user", "admin"));
        String[] root = bearer(Tokens.valid(subject, "user", "root"));
        String[] otherAudience = bearer(Tokens.withoutAudience(subject, "user", "admin", "root"));

        HttpResponse<String> document = Http.get("/csms/api/openapi?format=json");
        assertEquals(200, document.statusCode());
        JsonObject paths = Http.json(document).getJsonObject("paths");
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
            for (String method : METHODS) {
                JsonObject operation = path.getValue().asJsonObject().getJsonObject(method);
                if (operation == null || !operation.containsKey("security")) {
                    continue; // public: sign-up, login, refresh, verify, health
                }
                checked++;
                String url = "/csms" + path.getKey().replaceAll("\\{[^}]+}", "999999999");
                String needs = path.getKey().startsWith("/api/admin/accounts")
                        ? "root"
                        : path.getKey().startsWith("/api/admin/") ? "admin" : "user";
                String what = method.toUpperCase() + " " + path.getKey();
                expect(wrong, what + " without a token", 401, call(method, url));
                expect(wrong, what + " for another audience", 401, call(method, url, otherAudience));
                if (needs.equals("root")) {
                    expect(wrong, what + " as a driver", 403, call(method, url, user));
                    expect(wrong, what + " as an operator", 403, call(method, url, admin));
                    admitted(wrong, what + " as root", call(method, url, root));
                } else if (needs.equals("admin")) {
                    expect(wrong, what + " as a driver", 403, call(method, url, user));
                    admitted(wrong, what + " as an operator", call(method, url, admin));
                } else {
                    admitted(wrong, what + " as a driver", call(method, url, user));
                }
            }
        }
        assertTrue(checked > 50, "the document lists the API: " + checked + " protected operations");
        assertEquals(List.of(), wrong);
    }

    private static HttpResponse<String> call(String method, String url, String... headers) {
        // every write carries a JSON body, as clients send them (a DELETE may take a code): the
        // server then cannot answer 415 before it looks at who is asking
        return method.equals("get") ? Http.get(url, headers) : Http.send(method.toUpperCase(), url, "{}", headers);
    }

    private static void expect(List<String> wrong, String what, int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            wrong.add(what + ": " + response.statusCode() + ", expected " + status);
        } else if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            wrong.add(what + ": " + status + " without a problem+json body");
        }
    }

    private static void admitted(List<String> wrong, String what, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 401 || status == 403 || status >= 500) {
            wrong.add(what + ": " + status + " " + response.body());
        }
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }
}
