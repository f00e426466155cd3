package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Payara domain server-config makes (the run command's and this one) is safe on a networked
 * machine (security review C0): its admin interface has a password and listens on loopback only,
 * and nothing but the HTTP(S) listeners faces the network; and it runs no data grid.
 */
@ExtendWith(ArquillianExtension.class)
class ServerLockdownIT extends CsmsEar {

    private static int adminPort() {
        return Integer.getInteger("csms.it.payara.admin-port");
    }

    @Test
    void nothing_but_the_http_listeners_faces_the_network() throws Exception {
        Checks.onlyTheHttpListenersFaceTheNetwork(adminPort());
    }

    /**
     * The Domain Data Grid is off (the run command's memory settings, README): no Hazelcast member
     * runs in the server, so none of its threads, read from /proc as {@code top -H} shows them.
     */
    @Test
    void the_data_grid_is_off() throws Exception {
        List<String> threads;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(ServerUnderTest.serverPid()), "task"))) {
            threads = tasks.map(task -> {
                        try {
                            return Files.readString(task.resolve("comm")).strip();
                        } catch (IOException e) {
                            return ""; // a thread that ended while listed
                        }
                    })
                    .toList();
        }
        assertTrue(threads.size() > 20, "the server's threads were read: " + threads);
        assertTrue(threads.stream().anyMatch(t -> t.startsWith("http-thread")), "HTTP workers run: " + threads);
        assertEquals(
                List.of(), threads.stream().filter(t -> t.startsWith("hz.")).toList(), "no Hazelcast threads");
    }

    @Test
    void the_admin_interface_wants_the_admin_password() {
        String domain = "http://127.0.0.1:" + adminPort() + "/management/domain";
        HttpResponse<String> anonymous = Http.get(domain, "Accept", "application/json");
        assertEquals(401, anonymous.statusCode(), "no admin access without the password");
        HttpResponse<String> wrong = Http.get(domain, "Accept", "application/json", "Authorization", basic("wrong"));
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> admin = Http.get(
                domain,
                "Accept",
                "application/json",
                "Authorization",
                basic(System.getProperty("csms.it.payara.admin-password")));
        assertEquals(200, admin.statusCode(), admin.body());
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }
}
