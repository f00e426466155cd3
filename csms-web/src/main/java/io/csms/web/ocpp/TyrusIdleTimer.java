package io.csms.web.ocpp;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerContainer;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Payara's WebSocket implementation (Tyrus) arms a session's idle timer when the session is created
 * and re-arms it on every frame received and sent, through the server's managed scheduled executor,
 * even when the idle timeout is off (we find dead sockets with pings). That executor captures thread
 * context for each task by scanning every jar of the application for context providers: under load,
 * much of the CPU, behind class loader locks. At start-up this gives the application's Tyrus
 * container a scheduler that schedules nothing instead; Tyrus uses that scheduler for nothing but
 * sessions' idle timers (and its own heartbeat extension, which we do not use), and the idle timeout
 * stays off, as {@link OcppEndpoint} keeps it. On other servers (WildFly's Undertow) or a Tyrus
 * without that field, nothing changes.
 */
@WebListener
public class TyrusIdleTimer implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(TyrusIdleTimer.class.getName());
    private static final String FIELD = "managedScheduledExecutorService";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Object container = event.getServletContext().getAttribute(ServerContainer.class.getName());
        if (container == null) {
            return;
        }
        for (Class<?> c = container.getClass(); c != null; c = c.getSuperclass()) {
            if (!c.getName().startsWith("org.glassfish.tyrus.")) {
                continue;
            }
            try {
                Field field = c.getDeclaredField(FIELD);
                if (field.getType() == ScheduledExecutorService.class) {
                    field.setAccessible(true);
                    field.set(container, new NoTimer());
                    LOG.fine("Tyrus sessions' idle timers taken off the managed scheduler");
                    return;
                }
            } catch (NoSuchFieldException e) {
                // declared further up, or not this Tyrus
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.INFO, "Tyrus idle timers left on the managed scheduler", e);
                return;
            }
        }
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
        public ScheduledFuture<?> scheduleWithFixedDelay(
                Runnable command, long initialDelay, long delay, TimeUnit unit) {
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
