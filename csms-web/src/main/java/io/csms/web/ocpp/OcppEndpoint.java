package io.csms.web.ocpp;

import io.csms.chargepoint.Presence;
import io.csms.ocpp.rpc.FrameCodec;
import io.csms.ocpp.rpc.FrameException;
import io.csms.ocpp.rpc.OcppFrame;
import io.csms.ocpp.session.ChargerConnections;
import io.csms.ocpp.v16.OcppDispatcher;
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
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

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
    Presence presence;

    @OnOpen
    public void open(Session session, @PathParam("chargePointId") String chargerId) throws IOException {
        if (!OcppHandshakeFilter.SUBPROTOCOL.equals(session.getNegotiatedSubprotocol())) {
            session.close(new CloseReason(CloseReason.CloseCodes.PROTOCOL_ERROR, "Subprotocol ocpp1.6 required"));
            return;
        }
        // no container idle timeout: dead sockets are found by our pings (see also TyrusIdleTimer)
        session.setMaxIdleTimeout(0);
        WebSocketChannel channel = new WebSocketChannel(chargerId, session);
        session.getUserProperties().put(CHANNEL, channel);
        connections.opened(channel);
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
        OcppFrame frame;
        try {
            frame = FrameCodec.decode(text);
        } catch (FrameException e) {
            if (e.messageId() == null) {
                LOG.warning(() ->
                        "Charger " + chargerId + ": dropped a frame without a readable message id: " + e.getMessage());
                return;
            }
            send(channel, e.toCallError());
            return;
        }
        if (frame instanceof OcppFrame.Call call) {
            // most replies are ready at once; meter values once their batch is committed (off this thread)
            dispatcher.dispatch(chargerId, call).thenAccept(reply -> {
                send(channel, reply.frame());
                if (reply.afterReply() != null) {
                    connections.execute(reply.afterReply());
                }
            });
        } else {
            connections.answered(chargerId, frame);
        }
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
        try {
            channel.send(FrameCodec.encode(frame));
        } catch (UncheckedIOException e) {
            LOG.log(Level.WARNING, "Charger " + channel.chargerId() + ": could not send " + frame.messageId(), e);
        }
    }
}
