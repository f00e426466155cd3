package io.csms.web.ocpp;

import io.csms.ocpp.session.OcppChannel;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A charger's WebSocket session as csms-ejb sees it. Frames are queued and written one after the
 * other with the asynchronous API, so no thread (a socket thread, a commit's answer thread, the
 * pinger, an HTTP worker sending an operation) ever waits on a charger that does not read; one
 * whose queue overflows, or whose send does not complete in time ({@link #sendingSince}, watched by
 * {@code ChargerConnections}), is given up.
 */
final class WebSocketChannel implements OcppChannel {

    private static final Logger LOG = Logger.getLogger(WebSocketChannel.class.getName());
    private static final ByteBuffer NO_DATA = ByteBuffer.allocate(0);
    /** Frames that may wait behind the one being written (answers, CALLs, CALLERRORs). */
    static final int MAX_QUEUED = 64;

    private final String chargerId;
    private final Session session;
    private final ManagedExecutorService executor;
    /** Closes the TCP connection itself ({@link UnderlyingSockets}). */
    private final Runnable cut;

    private final Queue<String> queue = new ArrayDeque<>();
    /** Written under the channel's lock; read without it by the send watch, once a second for every connection. */
    private volatile long sendingSince;

    private boolean closed;

    WebSocketChannel(String chargerId, Session session, ManagedExecutorService executor, Runnable cut) {
        this.chargerId = chargerId;
        this.session = session;
        this.executor = executor;
        this.cut = cut;
    }

    @Override
    public String chargerId() {
        return chargerId;
    }

    @Override
    public void send(String frame) {
        boolean now;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (sendingSince == 0) {
                sendingSince = System.nanoTime();
                now = true;
            } else if (queue.size() < MAX_QUEUED) {
                queue.add(frame);
                return;
            } else {
                now = false;
            }
        }
        if (now) {
            write(frame);
        } else {
            LOG.warning(() -> "Charger " + chargerId + ": more than " + MAX_QUEUED
                    + " frames wait to be sent; connection given up");
            abort("More than " + MAX_QUEUED + " frames wait to be sent");
        }
    }

    private void write(String frame) {
        try {
            session.getAsyncRemote().sendText(frame, this::written);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Charger " + chargerId + ": send failed", e);
            abort("Send failed");
        }
    }

    private void written(SendResult result) {
        if (!result.isOK()) {
            LOG.log(Level.FINE, "Charger " + chargerId + ": send failed", result.getException());
            abort("Send failed");
            return;
        }
        String next;
        synchronized (this) {
            next = closed ? null : queue.poll();
            sendingSince = next == null ? 0 : System.nanoTime();
        }
        if (next != null) {
            write(next);
        }
    }

    @Override
    public void ping() {
        synchronized (this) {
            if (closed || sendingSince != 0) {
                return; // a send under way: it shows soon enough whether the charger reads
            }
        }
        try {
            session.getAsyncRemote().sendPing(NO_DATA.duplicate());
        } catch (IOException | RuntimeException e) {
            close(1011, "Ping failed");
        }
    }

    @Override
    public long sendingSince() {
        return sendingSince;
    }

    @Override
    public void close(int code, String reason) {
        close(code, reason, false);
    }

    /**
     * Gives the charger up: a close frame is attempted, then the TCP connection is cut, since a
     * charger that does not read would never receive the frame and would keep its socket open.
     */
    @Override
    public void abort(String reason) {
        close(1008, reason, true);
    }

    private void close(int code, String reason, boolean cutAfterwards) {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        // closing writes a close frame: off the caller's thread, in case the charger does not read
        executor.execute(() -> {
            try {
                if (session.isOpen()) {
                    session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
                }
            } catch (IOException | RuntimeException e) {
                // the peer is gone already: nothing left to close
            } finally {
                if (cutAfterwards) {
                    cut.run();
                }
            }
        });
    }
}
