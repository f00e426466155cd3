package io.csms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureThrottleTest {

    @Test
    void a_key_is_blocked_once_it_used_its_allowance_and_others_are_not() {
        FailureThrottle throttle = new FailureThrottle(Duration.ofMinutes(15), 10);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), throttle.blocked(new FailureThrottle.Limit("a", 3)));
            throttle.failed("a");
        }
        Optional<Duration> wait = throttle.blocked(new FailureThrottle.Limit("a", 3));
        assertTrue(wait.isPresent());
        assertTrue(
                wait.get().compareTo(Duration.ofMinutes(15)) <= 0 && wait.get().toSeconds() > 800, wait.toString());
        assertEquals(Optional.empty(), throttle.blocked(new FailureThrottle.Limit("b", 3)));
        assertTrue(
                throttle.blocked(new FailureThrottle.Limit("b", 3), new FailureThrottle.Limit("a", 3))
                        .isPresent(),
                "any limit that is used up blocks");
        assertEquals(Optional.empty(), throttle.blocked(new FailureThrottle.Limit("a", 4)), "a larger allowance");
    }

    @Test
    void clearing_forgets_a_key_or_all_keys_with_a_prefix() {
        FailureThrottle throttle = new FailureThrottle(Duration.ofMinutes(15), 10);
        throttle.failed("charger:CP1@10.0.0.1", "charger:CP1@10.0.0.2", "charger:CP10@10.0.0.1", "charger:CP1");
        throttle.clearStartingWith("charger:CP1@");
        throttle.clear("charger:CP1");
        assertEquals(Optional.empty(), throttle.blocked(new FailureThrottle.Limit("charger:CP1@10.0.0.1", 1)));
        assertEquals(Optional.empty(), throttle.blocked(new FailureThrottle.Limit("charger:CP1", 1)));
        assertTrue(throttle.blocked(new FailureThrottle.Limit("charger:CP10@10.0.0.1", 1))
                .isPresent());
    }

    @Test
    void failures_leave_the_window_and_stale_keys_are_pruned_while_fresh_ones_stay() throws InterruptedException {
        FailureThrottle throttle = new FailureThrottle(Duration.ofMillis(200), 1, 1000);
        throttle.failed("old");
        for (int i = 0; i <= 1000; i++) {
            throttle.failed("stale-" + i);
        }
        Thread.sleep(300);
        assertEquals(Optional.empty(), throttle.blocked(new FailureThrottle.Limit("old", 1)), "aged out");
        throttle.failed("fresh");
        assertEquals(1, throttle.tracked(), "past the key limit, the stale keys are dropped");
        assertTrue(throttle.blocked(new FailureThrottle.Limit("fresh", 1)).isPresent());
    }
}
