package io.csms.ocpp.session;

/**
 * One open OCPP connection, as the WebSocket endpoint in csms-web provides it. Sends never block the
 * caller: frames are queued and written one after the other; a send that does not complete is found
 * by {@link #sendingSince()} and the connection given up ({@link #abort}).
 */
public interface OcppChannel {

    String chargerId();

    /** Queues one frame; frames go out in order. A charger whose queue overflows is aborted (1008). */
    void send(String frame);

    /** Sends a WebSocket ping (skipped while a send is under way: that one shows whether the charger reads). */
    void ping();

    /** {@link System#nanoTime()} when the send now under way started, or 0 when nothing is being sent. */
    long sendingSince();

    /** Closes the connection with a WebSocket close code (1000 normal, 1001 going away, 1008 policy). */
    void close(int code, String reason);

    /** Gives up on a connection that does not take what is sent to it: closed (1008) without waiting. */
    void abort(String reason);
}
