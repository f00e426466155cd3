package io.csms.web.ocpp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The TCP connection under a charger's WebSocket, for the one case where closing the WebSocket is
 * not enough: a charger that stopped reading. A close frame cannot reach it, so the server would
 * keep its socket, its unsent megabytes and its unread input until the charger goes away, which a
 * zero TCP window can postpone for ever. The WebSocket API has no way to cut the connection; the
 * servers' own request objects do (Payara: Grizzly's connection; WildFly: Undertow's), reached by
 * reflection from the upgrade request, as a best effort: on another server the cut is a no-op and the
 * connection ends when the peer leaves.
 *
 * <p>The handshake filter, which sees the upgrade request, leaves the cut here for the endpoint,
 * which opens the session (the WebSocket API gives it no request). Keyed by charger id: two
 * handshakes of one charger in the same instant may swap cuts, and one of the two connections
 * replaces the other anyway. A cut that no session takes (the upgrade failed) expires.
 */
@ApplicationScoped
public class UnderlyingSockets {

    private static final Logger LOG = Logger.getLogger(UnderlyingSockets.class.getName());
    private static final long EXPIRY_NANOS = 30_000_000_000L;
    private static final Runnable NONE = () -> {};

    private record Pending(Runnable cut, long since) {}

    private final Map<String, Deque<Pending>> pending = new ConcurrentHashMap<>();

    /** The handshake of {@code chargerId} was admitted: its connection can be cut with what {@code request} holds. */
    public void admitted(String chargerId, ServletRequest request) {
        Runnable cut = cutterOf(request);
        long now = System.nanoTime();
        pending.compute(chargerId, (id, queue) -> {
            Deque<Pending> q = queue == null ? new ArrayDeque<>() : queue;
            q.removeIf(p -> now - p.since() > EXPIRY_NANOS);
            q.addLast(new Pending(cut, now));
            return q;
        });
        if (pending.size() > 10_000) {
            pending.keySet()
                    .forEach(id -> pending.computeIfPresent(id, (k, q) -> {
                        q.removeIf(p -> now - p.since() > EXPIRY_NANOS);
                        return q.isEmpty() ? null : q;
                    }));
        }
    }

    /** The cut for the session of {@code chargerId} that opens now (a no-op when none is known). */
    public Runnable take(String chargerId) {
        Runnable[] taken = {NONE};
        pending.computeIfPresent(chargerId, (id, q) -> {
            Pending first = q.pollFirst();
            if (first != null) {
                taken[0] = first.cut();
            }
            return q.isEmpty() ? null : q;
        });
        return taken[0];
    }

    /** A task that closes the TCP connection under {@code request}, or a no-op where the server offers no way. */
    static Runnable cutterOf(ServletRequest request) {
        ServletRequest r = request;
        while (r instanceof ServletRequestWrapper wrapper) {
            r = wrapper.getRequest();
        }
        try {
            Object grizzly = payaraConnection(r);
            if (grizzly != null) {
                // terminate, not close: Grizzly's close waits for the queued writes, which never drain
                Method close = grizzly.getClass().getMethod("terminateSilently");
                return () -> invoke(close, grizzly);
            }
            Object undertow = undertowConnection(r);
            if (undertow != null) {
                Method close = undertow.getClass().getMethod("close");
                return () -> invoke(close, undertow);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "No way to cut a connection on this server", e);
        }
        LOG.fine(() -> "No way to cut the connection of " + request.getClass().getName());
        return NONE;
    }

    /** Payara: RequestFacade → catalina Request → Grizzly Request → Grizzly Connection. */
    private static Object payaraConnection(ServletRequest request) throws ReflectiveOperationException {
        Method unwrapped = find(request.getClass(), "getUnwrappedCoyoteRequest");
        if (unwrapped == null) {
            return null;
        }
        Object catalina = unwrapped.invoke(request);
        Object grizzly = catalina.getClass().getMethod("getCoyoteRequest").invoke(catalina);
        return grizzly.getClass().getMethod("getConnection").invoke(grizzly);
    }

    /** WildFly: HttpServletRequestImpl → HttpServerExchange → ServerConnection. */
    private static Object undertowConnection(ServletRequest request) throws ReflectiveOperationException {
        Method exchange = find(request.getClass(), "getExchange");
        if (exchange == null) {
            return null;
        }
        Object undertow = exchange.invoke(request);
        return undertow.getClass().getMethod("getConnection").invoke(undertow);
    }

    private static Method find(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static void invoke(Method close, Object connection) {
        try {
            close.invoke(connection);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not cut a connection", e);
        }
    }
}
