package io.csms.ocpp.v16;

import io.csms.ocpp.rpc.ErrorCode;

/** A request payload that does not fit its message: answered with the matching OCPP 1.6 CALLERROR code. */
public class PayloadViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public PayloadViolation(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
