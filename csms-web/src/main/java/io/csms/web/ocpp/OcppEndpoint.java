package io.csms.web.ocpp;

import io.csms.chargepoint.Charger;
import io.csms.chargepoint.ChargerCredentials;
import io.csms.chargepoint.Presence;
import io.csms.ocpp.rpc.ErrorCode;
import io.csms.ocpp.rpc.FrameCodec;
import io.csms.ocpp.rpc.FrameException;
import io.csms.ocpp.rpc.OcppFrame;
import io.csms.ocpp.session.ChargerConnections;
import io.csms.ocpp.v16.OcppDispatcher;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OCPP 1.6-J WebSocket endpoint: one session per connected charger. The handshake was checked by
 * {@link OcppHandshakeFilter}; here frames are decoded and handed to csms-ejb. One instance serves
 * every connection ({@link SharedEndpointConfigurator}): what belongs to a connection is kept in its
 * session, never in fields.
 */
@Dependent
@ServerEndpoint(
        value = "/ocpp/{chargePointId}",
        subprotocols = OcppHandshakeFilter.SUBPROTOCOL,
        configurator = SharedEndpointConfigurator.class)
public class OcppEndpoint {

    private static final Logger LOG = Logger.getLogger(OcppEndpoint.class.getName());
    private static final String CHANNEL = "csms.channel";

    @Inject
    OcppDispatcher dispatcher;

    @Inject
    ChargerConnections connections;

    @Inject
    ChargerCredentials credentials;

    @Inject
    UnderlyingSockets sockets;

    @Inject
    Presence presence;

    @Resource
    ManagedExecutorService executor;

    /** Largest frame a charger may send, in bytes; a larger one closes its connection (1009). */
    @Inject
    @ConfigProperty(name = "csms.ocpp.max-frame-bytes", defaultValue = "65536")
    int maxFrameBytes;

    @OnOpen
    public void open(Session session, @PathParam("chargePointId") String chargerId) throws IOException {
        if (!OcppHandshakeFilter.SUBPROTOCOL.equals(session.getNegotiatedSubprotocol())) {
            session.close(new CloseReason(CloseReason.CloseCodes.PROTOCOL_ERROR, "Subprotocol ocpp1.6 required"));
            return;
        }
        // the id the handshake filter admitted is the one served: the same raw path, read the same way
        String raw = session.getRequestURI().getRawPath();
        int at = raw == null ? -1 : raw.lastIndexOf(OcppPath.PREFIX);
        if (at < 0
                || !OcppPath.chargerId(raw.substring(at))
                        .filter(chargerId::equals)
                        .isPresent()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Not the admitted charger id"));
            return;
        }
        // no container idle timeout: dead sockets are found by our pings (see also TyrusIdleTimer)
        session.setMaxIdleTimeout(0);
        session.setMaxTextMessageBufferSize(maxFrameBytes);
        session.setMaxBinaryMessageBufferSize(1024);
        WebSocketChannel channel = new WebSocketChannel(chargerId, session, executor, sockets.take(chargerId));
        session.getUserProperties().put(CHANNEL, channel);
        Charger.RegistrationStatus stored = credentials
                .of(chargerId)
                .map(ChargerCredentials.Credentials::registrationStatus)
                .orElse(null);
        connections.opened(channel, stored);
        presence.connected(chargerId);
    }

    @OnMessage
    public void pong(PongMessage pong, @PathParam("chargePointId") String chargerId) {
        connections.heard(chargerId);
    }

    @OnMessage
    public void message(Session session, String text, @PathParam("chargePointId") String chargerId) {
        connections.heard(chargerId);
        WebSocketChannel channel =
                (WebSocketChannel) session.getUserProperties().get(CHANNEL);
        if (text.length() > maxFrameBytes) {
            // Tyrus enforces the buffer size itself; Undertow delivers the whole message regardless
            channel.close(CloseReason.CloseCodes.TOO_BIG.getCode(), "Frame larger than " + maxFrameBytes + " bytes");
            return;
        }
        OcppFrame frame;
        try {
            frame = FrameCodec.decode(text);
        } catch (FrameException e) {
            if (e.messageId() == null) {
                LOG.warning(() -> "Charger " + chargerId + ": dropped a frame without a readable message id");
                return;
            }
            send(channel, e.toCallError());
            return;
        }
        if (frame instanceof OcppFrame.Call call) {
            switch (connections.arrived(channel, call)) {
                case NOW -> handle(channel, call);
                case QUEUED -> {
                    // handled once the charger's previous CALL is answered
                }
                case REFUSED ->
                    send(
                            channel,
                            new OcppFrame.CallError(
                                    call.messageId(),
                                    ErrorCode.GenericError,
                                    "Too many CALLs in flight: OCPP-J allows one at a time"));
            }
        } else {
            connections.answered(chargerId, frame);
        }
    }

    /**
     * Handles one of the charger's CALLs; once it is answered, the next that waited. Most answers
     * are ready at once; meter values and boots once their batch is committed (off this thread).
     */
    private void handle(WebSocketChannel channel, OcppFrame.Call call) {
        dispatcher.dispatch(channel.chargerId(), call).thenAccept(reply -> {
            send(channel, reply.frame());
            if (reply.afterReply() != null) {
                connections.execute(reply.afterReply());
            }
            connections.answeredCharger(channel).ifPresent(next -> connections.execute(() -> handle(channel, next)));
        });
    }

    @OnClose
    public void close(Session session, CloseReason reason, @PathParam("chargePointId") String chargerId) {
        WebSocketChannel channel =
                (WebSocketChannel) session.getUserProperties().get(CHANNEL);
        if (channel != null && connections.closed(channel)) {
            presence.disconnected(chargerId);
        }
    }

    @OnError
    public void error(Session session, Throwable error, @PathParam("chargePointId") String chargerId) {
        LOG.log(Level.FINE, "Charger " + chargerId + " connection error", error);
    }

    private static void send(WebSocketChannel channel, OcppFrame frame) {
        channel.send(FrameCodec.encode(frame));
    }
}
