package io.csms.ocpp.session;

import io.csms.ocpp.rpc.FrameCodec;
import io.csms.ocpp.rpc.OcppFrame;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
 * The chargers connected to this node and the CALLs sent to them. A new connection for a charger id
 * replaces the old one (closed); no CALL goes to a charger before its BootNotification was accepted.
 */
@ApplicationScoped
public class ChargerConnections {

    private static final Logger LOG = Logger.getLogger(ChargerConnections.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Seconds between WebSocket pings to each charger. */
    @Inject
    @ConfigProperty(name = "csms.ocpp.ping-interval", defaultValue = "30")
    long pingIntervalSeconds;

    private final Map<String, ChargerSession> sessions = new ConcurrentHashMap<>();
    private ScheduledFuture<?> pinger;

    /** Registers a new connection; the previous one of the same charger, if any, is closed. */
    public void opened(OcppChannel channel) {
        ChargerSession previous = sessions.put(channel.chargerId(), new ChargerSession(channel));
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
     * with the WebSocket idle timeout, which Payara's Tyrus re-arms on every frame at a high cost.
     */
    @PostConstruct
    void startPinging() {
        pinger = scheduler.scheduleAtFixedRate(
                this::pingOrClose, pingIntervalSeconds, pingIntervalSeconds, TimeUnit.SECONDS);
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

    /** Undeploy or server shutdown: every charger is told we are going away (1001) and will reconnect. */
    @PreDestroy
    void shutDown() {
        if (pinger != null) {
            pinger.cancel(false);
        }
        closeAll(1001, "CSMS shutting down");
    }

    /** The charger's BootNotification was accepted: from now on it may be sent CALLs. */
    public void bootAccepted(String chargerId) {
        ChargerSession session = sessions.get(chargerId);
        if (session != null) {
            session.bootAccepted = true;
        }
    }

    public boolean isConnected(String chargerId) {
        return sessions.containsKey(chargerId);
    }

    public Optional<OcppChannel> channel(String chargerId) {
        return Optional.ofNullable(sessions.get(chargerId)).map(s -> s.channel);
    }

    /**
     * Sends a CALL to a charger and completes with its answer, a timeout, or Offline. Calls to one
     * charger are sent one at a time, in order.
     */
    public CompletableFuture<CallOutcome> call(
            String chargerId, String action, JsonObject payload, long timeoutSeconds) {
        ChargerSession session = sessions.get(chargerId);
        if (session == null) {
            return CompletableFuture.completedFuture(new CallOutcome.Offline("Not connected"));
        }
        if (!session.bootAccepted) {
            return CompletableFuture.completedFuture(new CallOutcome.Offline("No accepted BootNotification yet"));
        }
        String messageId = UUID.randomUUID().toString();
        String frame = FrameCodec.encode(new OcppFrame.Call(messageId, action, payload));
        ChargerSession.PendingCall call =
                new ChargerSession.PendingCall(messageId, action, frame, new CompletableFuture<>(), timeoutSeconds);
        send(session, session.enqueue(call));
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
        send(session, session.complete(answer.messageId(), outcome));
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

    private void send(ChargerSession session, ChargerSession.PendingCall call) {
        if (call == null) {
            return;
        }
        session.timer(scheduler.schedule(
                () -> send(session, session.complete(call.messageId(), new CallOutcome.Timeout(call.timeoutSeconds()))),
                call.timeoutSeconds(),
                TimeUnit.SECONDS));
        try {
            session.channel.send(call.frame());
        } catch (RuntimeException e) {
            send(
                    session,
                    session.complete(call.messageId(), new CallOutcome.Offline("Send failed: " + e.getMessage())));
        }
    }
}
