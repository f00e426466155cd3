package io.csms.web.ocpp;

import io.csms.ocpp.rpc.FrameCodec;
import io.csms.ocpp.rpc.FrameException;
import io.csms.ocpp.rpc.OcppFrame;
import io.csms.ocpp.v16.OcppDispatcher;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** OCPP 1.6-J WebSocket endpoint: one session per connected charger. */
@ServerEndpoint(value = "/ocpp/{chargePointId}", subprotocols = OcppHandshakeFilter.SUBPROTOCOL)
public class OcppEndpoint {

    private static final Logger LOG = Logger.getLogger(OcppEndpoint.class.getName());

    @Inject
    OcppDispatcher dispatcher;

    @OnOpen
    public void open(Session session, @PathParam("chargePointId") String chargerId) throws IOException {
        if (!OcppHandshakeFilter.SUBPROTOCOL.equals(session.getNegotiatedSubprotocol())) {
            session.close(new CloseReason(CloseReason.CloseCodes.PROTOCOL_ERROR, "Subprotocol ocpp1.6 required"));
            return;
        }
        LOG.fine(() -> "Charger " + chargerId + " connected");
    }

    @OnMessage
    public void message(Session session, String text, @PathParam("chargePointId") String chargerId) {
        OcppFrame frame;
        try {
            frame = FrameCodec.decode(text);
        } catch (FrameException e) {
            if (e.messageId() == null) {
                LOG.warning(() -> "Charger " + chargerId + ": dropped a frame without a readable message id: " + e.getMessage());
                return;
            }
            send(session, chargerId, e.toCallError());
            return;
        }
        if (frame instanceof OcppFrame.Call call) {
            send(session, chargerId, dispatcher.dispatch(chargerId, call));
        } else {
            LOG.fine(() -> "Charger " + chargerId + ": answer " + frame.messageId() + " to no outstanding call");
        }
    }

    @OnError
    public void error(Session session, Throwable error, @PathParam("chargePointId") String chargerId) {
        LOG.log(Level.FINE, "Charger " + chargerId + " connection error", error);
    }

    private static void send(Session session, String chargerId, OcppFrame frame) {
        try {
            session.getBasicRemote().sendText(FrameCodec.encode(frame));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Charger " + chargerId + ": could not send " + frame.messageId(), e);
        }
    }
}
