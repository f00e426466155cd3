package io.csms.ocpp.session;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * A connected charger: its channel, whether its BootNotification was accepted, and its CALLs —
 * at most one outstanding (OCPP-J §4.1.1), the others queued in order.
 */
final class ChargerSession {

    /** A CALL waiting to be sent or answered. */
    record PendingCall(
            String messageId,
            String action,
            String frame,
            CompletableFuture<CallOutcome> outcome,
            long timeoutSeconds) {}

    final OcppChannel channel;
    volatile boolean bootAccepted;
    /** {@link System#nanoTime()} when the charger last sent anything (a frame or a pong). */
    volatile long lastHeard = System.nanoTime();

    private final Queue<PendingCall> queued = new ArrayDeque<>();
    private PendingCall outstanding;
    private ScheduledFuture<?> timer;

    ChargerSession(OcppChannel channel) {
        this.channel = channel;
    }

    /** Queues a call; returns it if it may be sent now (nothing outstanding). */
    synchronized PendingCall enqueue(PendingCall call) {
        if (outstanding == null) {
            outstanding = call;
            return call;
        }
        queued.add(call);
        return null;
    }

    /** Completes the outstanding call if {@code messageId} is its id; returns the next call to send. */
    synchronized PendingCall complete(String messageId, CallOutcome outcome) {
        if (outstanding == null || !outstanding.messageId().equals(messageId)) {
            return null;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        outstanding.outcome().complete(outcome);
        outstanding = queued.poll();
        return outstanding;
    }

    synchronized void timer(ScheduledFuture<?> timer) {
        this.timer = timer;
    }

    /** The connection is gone: every call still waiting ends as Offline. */
    synchronized void abandon(String reason) {
        if (timer != null) {
            timer.cancel(false);
        }
        if (outstanding != null) {
            outstanding.outcome().complete(new CallOutcome.Offline(reason));
        }
        queued.forEach(call -> call.outcome().complete(new CallOutcome.Offline(reason)));
        queued.clear();
        outstanding = null;
    }
}
