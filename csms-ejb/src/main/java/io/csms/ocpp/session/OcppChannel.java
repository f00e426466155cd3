package io.csms.ocpp.session;

/** One open OCPP connection, as the WebSocket endpoint in csms-web provides it. */
public interface OcppChannel {

    String chargerId();

    /** Sends one frame; sends on one channel are serialized by the implementation. */
    void send(String frame);

    /** Sends a WebSocket ping; a charger that stops answering is closed by the idle timeout. */
    void ping();

    /** Closes the connection with a WebSocket close code (1000 normal, 1001 going away, 1008 policy). */
    void close(int code, String reason);
}
