package io.csms.ocpp.session;

import io.csms.chargepoint.Charger;
import io.csms.chargepoint.ChargerChanged;
import io.csms.chargepoint.Presence;
import io.csms.ocpp.rpc.FrameCodec;
import io.csms.ocpp.rpc.OcppFrame;
import io.csms.platform.Jsonp;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The chargers connected to this node and the CALLs both ways. A new connection for a charger id
 * replaces the old one (closed). A charger is served by its standing: until it is Accepted it may
 * only boot (and send what the CSMS asked for with TriggerMessage), and the CSMS sends it nothing
 * but an operator's operations while it is Pending; a reconnecting charger whose registration is
 * Accepted is served at once, without a new BootNotification (chargers boot only when they boot).
 * No thread waits on a charger: sends are queued per connection, and a connection whose send does
 * not complete within {@code csms.ocpp.send-timeout} is given up (1008).
 */
@ApplicationScoped
public class ChargerConnections {

    private static final Logger LOG = Logger.getLogger(ChargerConnections.class.getName());
    /** How long a TriggerMessage's permission to send the asked-for message lasts. */
    private static final long TRIGGER_WINDOW_SECONDS = 60;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Presence presence;

    /** Seconds between WebSocket pings to each charger. */
    @Inject
    @ConfigProperty(name = "csms.ocpp.ping-interval", defaultValue = "30")
    long pingIntervalSeconds;

    /** Seconds a frame to a charger may take to be written before the connection is given up. */
    @Inject
    @ConfigProperty(name = "csms.ocpp.send-timeout", defaultValue = "10")
    long sendTimeoutSeconds;

    /** The charger's CALLs that may wait while one is handled (OCPP-J allows one in flight). */
    @Inject
    @ConfigProperty(name = "csms.ocpp.max-waiting-calls", defaultValue = "4")
    int maxWaitingCalls;

    /** The CSMS's CALLs that may queue for one charger behind the outstanding one. */
    @Inject
    @ConfigProperty(name = "csms.ocpp.max-queued-operations", defaultValue = "50")
    int maxQueuedOperations;

    private final Map<String, ChargerSession> sessions = new ConcurrentHashMap<>();
    private ScheduledFuture<?> pinger;
    private ScheduledFuture<?> sendWatch;

    /** Registers a new connection; the previous one of the same charger, if any, is closed. */
    public void opened(OcppChannel channel, Charger.RegistrationStatus stored) {
        ChargerSession previous = sessions.put(channel.chargerId(), new ChargerSession(channel, stored));
        if (previous != null) {
            LOG.info(() -> "Charger " + channel.chargerId() + " reconnected: closing its previous connection");
            previous.abandon("Replaced by a new connection");
            previous.channel.close(1000, "Replaced by a new connection");
        }
    }

    /**
     * Forgets a connection that closed. Returns false when a newer connection of the same charger had
     * already replaced it (the charger is still online).
     */
    public boolean closed(OcppChannel channel) {
        ChargerSession session = sessions.get(channel.chargerId());
        if (session != null && session.channel == channel && sessions.remove(channel.chargerId(), session)) {
            session.abandon("Connection closed");
            return true;
        }
        return session == null;
    }

    /** The charger sent something (a frame or a pong): it is alive. */
    public void heard(String chargerId) {
        ChargerSession session = sessions.get(chargerId);
        if (session != null) {
            session.lastHeard = System.nanoTime();
        }
    }

    /**
     * OCPP-J: detect dead sockets with WebSocket ping/pong well under the heartbeat interval. A
     * connection silent for 2.5 ping intervals (no frame, no pong) is closed. Done here rather than
     * with the WebSocket idle timeout, which Payara's Tyrus re-arms on every frame at a high cost. A
     * second task, every second, gives up connections whose send has not completed in time.
     */
    @PostConstruct
    void start() {
        pinger = scheduler.scheduleAtFixedRate(
                this::pingOrClose, pingIntervalSeconds, pingIntervalSeconds, TimeUnit.SECONDS);
        sendWatch = scheduler.scheduleWithFixedDelay(this::abortStuckSends, 1, 1, TimeUnit.SECONDS);
    }

    private void pingOrClose() {
        long deadline = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(pingIntervalSeconds * 2500L);
        sessions.values().forEach(session -> {
            if (session.lastHeard - deadline < 0) {
                LOG.info(() -> "Charger " + session.channel.chargerId() + " answered no ping: closing its connection");
                session.channel.close(1001, "No answer to pings");
            } else {
                session.channel.ping();
            }
        });
    }

    private void abortStuckSends() {
        long now = System.nanoTime();
        long limit = TimeUnit.SECONDS.toNanos(sendTimeoutSeconds);
        sessions.values().forEach(session -> {
            long since = session.channel.sendingSince();
            if (since != 0 && now - since > limit) {
                giveUp(session, "A frame to it was not taken within " + sendTimeoutSeconds + " s");
            }
        });
    }

    /** A connection that does not take what we send: out of the registry at once, closed with 1008. */
    void giveUp(ChargerSession session, String reason) {
        String chargerId = session.channel.chargerId();
        if (sessions.remove(chargerId, session)) {
            LOG.warning(() -> "Charger " + chargerId + ": " + reason + "; connection given up");
            session.abandon(reason);
            presence.disconnected(chargerId);
            session.channel.abort(reason);
        }
    }

    /** Undeploy or server shutdown: every charger is told we are going away (1001) and will reconnect. */
    @PreDestroy
    void shutDown() {
        if (pinger != null) {
            pinger.cancel(false);
        }
        if (sendWatch != null) {
            sendWatch.cancel(false);
        }
        closeAll(1001, "CSMS shutting down");
    }

    /** The charger booted and was told {@code status}: from now on that is its standing. */
    public void booted(String chargerId, Charger.RegistrationStatus status) {
        ChargerSession session = sessions.get(chargerId);
        if (session != null) {
            session.standing = status;
        }
    }

    /**
     * A committed change to a charger: new credentials or a deletion end its connection (1008; it
     * must prove the new ones); a rejection ends it too; an acceptance (or a step back to Pending)
     * becomes its standing at once, and it is asked to boot again to hear of it.
     */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChargerChanged change) {
        ChargerSession session = sessions.get(change.chargerId());
        if (session == null) {
            return;
        }
        switch (change.change()) {
            case CREDENTIALS, DELETED -> {
                LOG.info(() ->
                        "Charger " + change.chargerId() + ": credentials changed or deleted, closing its connection");
                if (sessions.remove(change.chargerId(), session)) {
                    session.abandon("Credentials changed");
                    presence.disconnected(change.chargerId());
                }
                session.channel.close(1008, "Credentials changed");
            }
            case REGISTRATION -> {
                if (change.registration() == Charger.RegistrationStatus.Rejected) {
                    session.standing = Charger.RegistrationStatus.Rejected;
                    session.channel.close(1008, "Registration rejected");
                } else {
                    session.standing = change.registration();
                    call(
                            change.chargerId(),
                            "TriggerMessage",
                            Jsonp.JSON
                                    .createObjectBuilder()
                                    .add("requestedMessage", "BootNotification")
                                    .build(),
                            30);
                }
            }
            default -> {
                // created, certificates: nothing for a live connection
            }
        }
    }

    /** How many chargers are connected to this node now. */
    public int connectedCount() {
        return sessions.size();
    }

    public boolean isConnected(String chargerId) {
        return sessions.containsKey(chargerId);
    }

    public Optional<OcppChannel> channel(String chargerId) {
        return Optional.ofNullable(sessions.get(chargerId)).map(s -> s.channel);
    }

    /**
     * Whether the charger may send {@code action} now (anything once Accepted; before that only
     * BootNotification and what a TriggerMessage asked for).
     */
    public boolean admits(String chargerId, String action) {
        ChargerSession session = sessions.get(chargerId);
        return session != null && session.admits(action, System.nanoTime());
    }

    /** A CALL from the charger on {@code channel}: handle it now, after the current one, or refuse it. */
    public CallArrival arrived(OcppChannel channel, OcppFrame.Call call) {
        ChargerSession session = sessions.get(channel.chargerId());
        if (session == null || session.channel != channel) {
            return CallArrival.REFUSED;
        }
        return session.arrive(call, maxWaitingCalls);
    }

    /** The charger's CALL was answered: the next of its CALLs to handle, if one waits. */
    public Optional<OcppFrame.Call> answeredCharger(OcppChannel channel) {
        ChargerSession session = sessions.get(channel.chargerId());
        if (session == null || session.channel != channel) {
            return Optional.empty();
        }
        return Optional.ofNullable(session.answered());
    }

    /**
     * Sends a CALL to a charger and completes with its answer, a timeout, or Offline. Calls to one
     * charger are sent one at a time, in order; {@code timeoutSeconds} counts from now, the wait
     * in the queue included. A charger that is not Accepted or Pending is sent nothing.
     */
    public CompletableFuture<CallOutcome> call(
            String chargerId, String action, JsonObject payload, long timeoutSeconds) {
        ChargerSession session = sessions.get(chargerId);
        if (session == null) {
            return CompletableFuture.completedFuture(new CallOutcome.Offline("Not connected"));
        }
        Charger.RegistrationStatus standing = session.standing;
        if (standing != Charger.RegistrationStatus.Accepted && standing != Charger.RegistrationStatus.Pending) {
            return CompletableFuture.completedFuture(new CallOutcome.Offline(
                    standing == null ? "Not registered (no BootNotification yet)" : "Registration " + standing));
        }
        String messageId = UUID.randomUUID().toString();
        String frame = FrameCodec.encode(new OcppFrame.Call(messageId, action, payload));
        ChargerSession.PendingCall call = new ChargerSession.PendingCall(
                messageId, action, frame, new CompletableFuture<>(), timeoutSeconds, triggers(action, payload));
        switch (session.enqueue(call, maxQueuedOperations)) {
            case SEND -> {
                arm(session, call);
                send(session, call);
            }
            case QUEUED -> arm(session, call);
            case FULL ->
                call.outcome().complete(new CallOutcome.Offline("Too many operations queued for this charger"));
        }
        return call.outcome();
    }

    /** A CALLRESULT or CALLERROR from a charger: completes the call it answers. */
    public void answered(String chargerId, OcppFrame answer) {
        ChargerSession session = sessions.get(chargerId);
        if (session == null) {
            return;
        }
        CallOutcome outcome = answer instanceof OcppFrame.CallResult result
                ? new CallOutcome.Answered(result.payload())
                : new CallOutcome.Refused(
                        ((OcppFrame.CallError) answer).code(), ((OcppFrame.CallError) answer).description());
        sendNext(session, session.complete(answer.messageId(), outcome));
    }

    /** Runs work on a managed thread, off the socket's (e.g. a CALL that must follow an answer). */
    public void execute(Runnable work) {
        scheduler.execute(work);
    }

    /** Closes every connection (server shutdown: 1001 going away). */
    public void closeAll(int code, String reason) {
        sessions.values().forEach(session -> {
            session.abandon(reason);
            session.channel.close(code, reason);
        });
        sessions.clear();
    }

    /** The message a TriggerMessage or ExtendedTriggerMessage asks the charger to send, or null. */
    private static String triggers(String action, JsonObject payload) {
        if (!action.equals("TriggerMessage") && !action.equals("ExtendedTriggerMessage")) {
            return null;
        }
        String requested = payload.get("requestedMessage") instanceof JsonString s ? s.getString() : null;
        // ExtendedTriggerMessage names the certificate request after what it is for, not after its action
        return "SignChargePointCertificate".equals(requested) ? "SignCertificate" : requested;
    }

    /** The call's deadline runs from now: sent or still queued, it ends as Timeout when it passes. */
    private void arm(ChargerSession session, ChargerSession.PendingCall call) {
        session.timer(
                call.messageId(),
                scheduler.schedule(
                        () -> {
                            if (!session.expireQueued(call)) {
                                sendNext(
                                        session,
                                        session.complete(
                                                call.messageId(), new CallOutcome.Timeout(call.timeoutSeconds())));
                            }
                        },
                        call.timeoutSeconds(),
                        TimeUnit.SECONDS));
        if (call.triggers() != null) {
            // the charger may send what it is asked for once it accepted the trigger
            call.outcome().thenAccept(outcome -> {
                if (outcome instanceof CallOutcome.Answered answered
                        && "Accepted".equals(answered.payload().getString("status", null))) {
                    session.allow(
                            call.triggers(), System.nanoTime() + TimeUnit.SECONDS.toNanos(TRIGGER_WINDOW_SECONDS));
                }
            });
        }
    }

    private void sendNext(ChargerSession session, ChargerSession.PendingCall next) {
        if (next != null) {
            send(session, next);
        }
    }

    private void send(ChargerSession session, ChargerSession.PendingCall call) {
        try {
            session.channel.send(call.frame());
        } catch (RuntimeException e) {
            sendNext(
                    session,
                    session.complete(call.messageId(), new CallOutcome.Offline("Send failed: " + e.getMessage())));
        }
    }
}
