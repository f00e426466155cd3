package io.csms.ocpp.session;

import io.csms.chargepoint.Charger;
import io.csms.ocpp.rpc.OcppFrame;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * A connected charger: its channel, its standing (the registration it was last told, or the stored
 * one until it boots), and the CALLs both ways. OCPP-J §4.1.1 allows one outstanding CALL per
 * direction: the CSMS's are sent one at a time, the others queued (a bounded queue); the charger's
 * are handled one at a time, in order, with a few allowed to wait and the rest refused.
 */
final class ChargerSession {

    /** A CALL waiting to be sent or answered; {@code triggers} is the action a TriggerMessage asks for. */
    record PendingCall(
            String messageId,
            String action,
            String frame,
            CompletableFuture<CallOutcome> outcome,
            long timeoutSeconds,
            String triggers) {}

    final OcppChannel channel;
    /** The registration the charger was last told (BootNotification), or the stored one; null: not registered. */
    volatile Charger.RegistrationStatus standing;
    /** {@link System#nanoTime()} when the charger last sent anything (a frame or a pong). */
    volatile long lastHeard = System.nanoTime();

    private final Queue<PendingCall> queued = new ArrayDeque<>();
    private final Map<String, ScheduledFuture<?>> timers = new HashMap<>();
    private PendingCall outstanding;

    private final Queue<OcppFrame.Call> waiting = new ArrayDeque<>();
    private boolean handling;

    /** Actions the CSMS asked for with TriggerMessage, until when ({@link System#nanoTime()}). */
    private final Map<String, Long> triggered = new HashMap<>();

    ChargerSession(OcppChannel channel, Charger.RegistrationStatus standing) {
        this.channel = channel;
        this.standing = standing;
    }

    /** Where a new CALL of the CSMS went. */
    enum Enqueued {
        /** Nothing outstanding: send it now. */
        SEND,
        /** Behind the outstanding one. */
        QUEUED,
        /** The queue is full. */
        FULL
    }

    synchronized Enqueued enqueue(PendingCall call, int maxQueued) {
        if (outstanding == null) {
            outstanding = call;
            return Enqueued.SEND;
        }
        if (queued.size() >= maxQueued) {
            return Enqueued.FULL;
        }
        queued.add(call);
        return Enqueued.QUEUED;
    }

    /** Completes the call {@code messageId} if it is the outstanding one; returns the next call to send. */
    synchronized PendingCall complete(String messageId, CallOutcome outcome) {
        if (outstanding == null || !outstanding.messageId().equals(messageId)) {
            return null;
        }
        cancelTimer(messageId);
        outstanding.outcome().complete(outcome);
        outstanding = queued.poll();
        return outstanding;
    }

    /** A queued call (not yet sent) that ran out of time: dropped from the queue. */
    synchronized boolean expireQueued(PendingCall call) {
        if (queued.remove(call)) {
            cancelTimer(call.messageId());
            call.outcome().complete(new CallOutcome.Timeout(call.timeoutSeconds()));
            return true;
        }
        return false;
    }

    synchronized void timer(String messageId, ScheduledFuture<?> timer) {
        timers.put(messageId, timer);
    }

    private void cancelTimer(String messageId) {
        ScheduledFuture<?> timer = timers.remove(messageId);
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** The connection is gone: every call still waiting ends as Offline. */
    synchronized void abandon(String reason) {
        timers.values().forEach(t -> t.cancel(false));
        timers.clear();
        if (outstanding != null) {
            outstanding.outcome().complete(new CallOutcome.Offline(reason));
        }
        queued.forEach(call -> call.outcome().complete(new CallOutcome.Offline(reason)));
        queued.clear();
        outstanding = null;
        waiting.clear();
    }

    /** A CALL from the charger: now, after the one being handled, or refused (more than {@code maxWaiting} wait). */
    synchronized CallArrival arrive(OcppFrame.Call call, int maxWaiting) {
        if (!handling) {
            handling = true;
            return CallArrival.NOW;
        }
        if (waiting.size() >= maxWaiting) {
            return CallArrival.REFUSED;
        }
        waiting.add(call);
        return CallArrival.QUEUED;
    }

    /** The charger's CALL being handled was answered: the next waiting one, or null. */
    synchronized OcppFrame.Call answered() {
        OcppFrame.Call next = waiting.poll();
        handling = next != null;
        return next;
    }

    synchronized void allow(String action, long untilNanos) {
        triggered.merge(action, untilNanos, Math::max);
    }

    /**
     * Whether the charger may send {@code action} now: anything once Accepted; otherwise only
     * BootNotification and what the CSMS itself asked for with TriggerMessage (OCPP 1.6 §4.2, §5.17).
     */
    synchronized boolean admits(String action, long nowNanos) {
        if (standing == Charger.RegistrationStatus.Accepted || action.equals("BootNotification")) {
            return true;
        }
        Long until = triggered.get(action);
        return until != null && until - nowNanos > 0;
    }
}
