package io.csms.ocpp.rpc;

/**
 * A text that is not a valid OCPP-J frame. {@link #messageId()} is the id we could still read from it,
 * if any: with one we answer a CALLERROR, without one there is nobody to answer and the frame is dropped.
 */
public class FrameException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String messageId;
    private final ErrorCode code;

    public FrameException(String messageId, ErrorCode code, String description) {
        super(description);
        this.messageId = messageId;
        this.code = code;
    }

    public String messageId() {
        return messageId;
    }

    public ErrorCode code() {
        return code;
    }

    public OcppFrame.CallError toCallError() {
        return new OcppFrame.CallError(messageId, code, getMessage());
    }
}
