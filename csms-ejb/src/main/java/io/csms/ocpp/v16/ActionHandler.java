package io.csms.ocpp.v16;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Handles one action a charger sends. Implementations are CDI beans; the dispatcher finds them all.
 *
 * @param <Q> the {@code .req} record
 * @param <R> the {@code .conf} record
 */
public interface ActionHandler<Q, R> {

    /** The OCPP action name, e.g. {@code "BootNotification"}. */
    String action();

    Class<Q> requestType();

    R handle(String chargerId, Q request);

    /**
     * The answer, possibly later: a handler that writes in batches completes it once its data is
     * committed, off the socket's thread. By default {@link #handle}, at once.
     */
    default CompletionStage<R> handleAsync(String chargerId, Q request) {
        return CompletableFuture.completedFuture(handle(chargerId, request));
    }

    /**
     * Work to do once the answer has been sent to the charger (e.g. a CALL that must not overtake
     * it), or {@code null}. Runs on a managed thread, not the socket's.
     */
    default Runnable afterReply(String chargerId, Q request, Object response) {
        return null;
    }
}
