package io.csms.ocpp.v16;

import io.csms.ocpp.rpc.ErrorCode;
import io.csms.ocpp.rpc.OcppFrame;
import io.csms.ocpp.session.ChargerConnections;
import io.csms.platform.Failures;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes a charger's CALL to the handler of its action and turns the outcome into the CALLRESULT or
 * CALLERROR to send back.
 */
@ApplicationScoped
public class OcppDispatcher {

    private static final Logger LOG = Logger.getLogger(OcppDispatcher.class.getName());

    @Inject
    @Any
    Instance<ActionHandler<?, ?>> handlerBeans;

    @Inject
    ChargerConnections connections;

    @Inject
    SampledValueRules sampledValues;

    private final Map<String, ActionHandler<?, ?>> handlers = new HashMap<>();

    @PostConstruct
    void collectHandlers() {
        for (ActionHandler<?, ?> handler : handlerBeans) {
            if (handlers.put(handler.action(), handler) != null) {
                throw new IllegalStateException("Two handlers for " + handler.action());
            }
        }
    }

    /** The frame to send back, and what to do once it has been sent ({@code null}: nothing). */
    public record Reply(OcppFrame frame, Runnable afterReply) {

        static Reply of(OcppFrame frame) {
            return new Reply(frame, null);
        }
    }

    /**
     * The reply to a charger's CALL: at once for most actions, once its data is committed for those
     * written in batches. Never fails: whatever goes wrong becomes a CALLERROR.
     */
    public CompletionStage<Reply> dispatch(String chargerId, OcppFrame.Call call) {
        if (!connections.admits(chargerId, call.action())) {
            // OCPP 1.6 §4.2: until Accepted, a charger boots; it sends other messages only when asked (TriggerMessage)
            return done(new OcppFrame.CallError(
                    call.messageId(),
                    ErrorCode.SecurityError,
                    "Not accepted by the CSMS: only BootNotification (or what the CSMS asked for) until Accepted"));
        }
        ActionHandler<?, ?> handler = handlers.get(call.action());
        if (handler == null) {
            return done(new OcppFrame.CallError(
                    call.messageId(), ErrorCode.NotImplemented, "Action " + call.action() + " is not implemented"));
        }
        try {
            PayloadValidator.validate(call.payload(), handler.requestType());
            return invoke(handler, chargerId, call).exceptionally(e -> internalError(chargerId, call, e));
        } catch (PayloadViolation e) {
            return done(new OcppFrame.CallError(call.messageId(), e.code(), e.getMessage()));
        } catch (JsonbException e) {
            return done(new OcppFrame.CallError(
                    call.messageId(),
                    ErrorCode.TypeConstraintViolation,
                    "Payload does not match " + call.action() + ".req"));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(internalError(chargerId, call, e));
        }
    }

    private static CompletionStage<Reply> done(OcppFrame frame) {
        return CompletableFuture.completedFuture(Reply.of(frame));
    }

    /**
     * Logged without the exception's messages, which may quote the charger's data (a database
     * constraint names the id tag); the full trace at FINE.
     */
    private static Reply internalError(String chargerId, OcppFrame.Call call, Throwable e) {
        LOG.warning(() -> "Charger " + chargerId + " " + call.action() + " [" + call.messageId() + "] failed: "
                + Failures.summary(e));
        LOG.log(Level.FINE, "Charger " + chargerId + " " + call.action() + " [" + call.messageId() + "]", e);
        return Reply.of(new OcppFrame.CallError(call.messageId(), ErrorCode.InternalError, "Internal error"));
    }

    private <Q, R> CompletionStage<Reply> invoke(ActionHandler<Q, R> handler, String chargerId, OcppFrame.Call call) {
        Q request = Payloads.read(call.payload(), handler.requestType());
        if (request instanceof CarriesMeterValues carrier) {
            sampledValues.check(carrier.meterValues());
        }
        return handler.handleAsync(chargerId, request)
                .thenApply(response -> new Reply(
                        new OcppFrame.CallResult(call.messageId(), Payloads.write(response)),
                        handler.afterReply(chargerId, request, response)));
    }
}
