package io.csms.web.ocpp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Payara's WebSocket implementation (Tyrus) re-arms a session's idle timer on every frame received
 * and sent, through the server's managed scheduled executor, even when the idle timeout is off (we
 * find dead sockets with pings). That executor captures thread context for each task by scanning
 * every jar of the application for context providers: under load, most of the CPU, behind class
 * loader locks. This gives each Tyrus session a scheduler that schedules nothing instead: the
 * timer's task does nothing anyway while the idle timeout is off, as {@link OcppEndpoint} keeps it.
 * On other servers (WildFly's Undertow) or a Tyrus whose session has no such field, nothing changes.
 */
@ApplicationScoped
public class TyrusIdleTimer {

    private static final Logger LOG = Logger.getLogger(TyrusIdleTimer.class.getName());

    private final ScheduledExecutorService timer = new NoTimer();
    private final Map<Class<?>, Optional<Field>> fields = new ConcurrentHashMap<>();

    /** Moves the session's idle timer off the managed scheduler (Tyrus sessions only). */
    public void detach(Session session) {
        fields.computeIfAbsent(session.getClass(), TyrusIdleTimer::schedulerField).ifPresent(field -> {
            try {
                field.set(session, timer);
            } catch (IllegalAccessException | RuntimeException e) {
                LOG.log(Level.FINE, "Tyrus idle timer left as it is", e);
            }
        });
    }

    private static Optional<Field> schedulerField(Class<?> sessionClass) {
        for (Class<?> c = sessionClass; c != null; c = c.getSuperclass()) {
            if (!c.getName().startsWith("org.glassfish.tyrus.")) {
                continue;
            }
            try {
                Field field = c.getDeclaredField("service");
                if (field.getType() == ScheduledExecutorService.class) {
                    field.setAccessible(true);
                    return Optional.of(field);
                }
            } catch (NoSuchFieldException | RuntimeException e) {
                // not this Tyrus: leave the sessions alone
            }
        }
        return Optional.empty();
    }

    /** Takes every task and runs none; each is "done" at once. */
    private static final class NoTimer extends AbstractExecutorService implements ScheduledExecutorService {

        private static final ScheduledFuture<Object> DONE = new ScheduledFuture<>() {
            @Override
            public long getDelay(TimeUnit unit) {
                return 0;
            }

            @Override
            public int compareTo(Delayed other) {
                return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
            }

            @Override
            public boolean cancel(boolean mayInterrupt) {
                return false;
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public boolean isDone() {
                return true;
            }

            @Override
            public Object get() {
                return null;
            }

            @Override
            public Object get(long timeout, TimeUnit unit) {
                return null;
            }
        };

        @SuppressWarnings("unchecked")
        private static <V> ScheduledFuture<V> done() {
            return (ScheduledFuture<V>) DONE;
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return done();
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return done();
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            return done();
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
            return done();
        }

        @Override
        public void execute(Runnable command) {
            // nothing runs: see the class comment
        }

        @Override
        public void shutdown() {
            // nothing to stop
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
