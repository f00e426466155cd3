package io.csms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The run command's JVM options replace the domain's options of the same name, and only those. */
class PayaraServerTest {

    @Test
    void an_option_is_named_by_what_it_sets() {
        assertEquals("-Xmx", PayaraServer.optionName("-Xmx1g"));
        assertEquals("-Xss", PayaraServer.optionName("-Xss512k"));
        assertEquals("-XX:MaxGCPauseMillis", PayaraServer.optionName("-XX:MaxGCPauseMillis=50"));
        // a switch and its opposite set the same thing
        assertEquals(
                PayaraServer.optionName("-XX:+UseStringDeduplication"),
                PayaraServer.optionName("-XX:-UseStringDeduplication"));
        assertEquals("-Djava.awt.headless=true", PayaraServer.optionName("-Djava.awt.headless=true"));
    }

    @Test
    void the_run_command_sizes_the_heap_and_adds_what_it_is_given() {
        String before = System.getProperty("csms.run.jvm-options");
        System.setProperty("csms.run.jvm-options", " -Xss512k  -XX:MaxGCPauseMillis=50 ");
        try {
            List<String> expected = new java.util.ArrayList<>(List.of("-Xmx768m"));
            if (Run.jvmAccepts(Run.TRIM_NATIVE_HEAP)) {
                expected.add(Run.TRIM_NATIVE_HEAP);
            }
            expected.addAll(List.of("-Xss512k", "-XX:MaxGCPauseMillis=50"));
            assertEquals(expected, Run.memory());
        } finally {
            if (before == null) {
                System.clearProperty("csms.run.jvm-options");
            } else {
                System.setProperty("csms.run.jvm-options", before);
            }
        }
    }

    @Test
    void an_option_the_jdk_does_not_know_is_left_out_rather_than_stopping_the_server() {
        assertTrue(Run.jvmAccepts("-Xmx64m"));
        assertFalse(Run.jvmAccepts("-XX:NoSuchOptionOfAnyJdk=1"));
    }
}
