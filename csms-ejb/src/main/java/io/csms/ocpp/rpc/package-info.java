/**
 * OCPP-J RPC framing (OCPP 1.6-J §4): CALL, CALLRESULT and CALLERROR frames, their codec and the
 * error codes. Knows nothing of actions or payload contents.
 */
package io.csms.ocpp.rpc;
