package io.csms.web.ocpp;

import io.csms.ocpp.session.OcppChannel;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/** A charger's WebSocket session as csms-ejb sees it. Sends are serialized: the API forbids concurrent ones. */
final class WebSocketChannel implements OcppChannel {

    private final String chargerId;
    private final Session session;

    WebSocketChannel(String chargerId, Session session) {
        this.chargerId = chargerId;
        this.session = session;
    }

    @Override
    public String chargerId() {
        return chargerId;
    }

    @Override
    public synchronized void send(String frame) {
        try {
            session.getBasicRemote().sendText(frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void ping() {
        try {
            session.getBasicRemote().sendPing(ByteBuffer.allocate(0));
        } catch (IOException e) {
            close(1011, "Ping failed");
        }
    }

    @Override
    public void close(int code, String reason) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
            }
        } catch (IOException e) {
            // the peer is gone already: nothing left to close
        }
    }
}
