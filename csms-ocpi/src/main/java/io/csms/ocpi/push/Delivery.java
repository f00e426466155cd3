package io.csms.ocpi.push;

import io.csms.roaming.outbox.Outbox;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * What tells a partner of one outbox row: the requests to its Receiver (none: nothing to tell it,
 * the row is dropped), for a location whether it holds the location afterwards or was told to forget
 * it, which row of the partner must go before it ({@code after}: it waits for that one), and
 * whether its failure is its own ({@code alone}: it goes to a URL of its own, so its failing says
 * nothing of the partner's Receivers and holds up none of its other rows).
 */
record Delivery(Outbox.Claimed row, List<Request> requests, Held held, Outbox.Behind after, boolean alone) {

    Delivery(Outbox.Claimed row, List<Request> requests, Held held) {
        this(row, requests, held, null, false);
    }

    /**
     * One request to a Receiver endpoint; {@code body} null for a DELETE; {@code routing} the
     * OCPI 2.2.1 routing headers that differ from the partner's (the party of a driver's token).
     */
    record Request(String method, String url, JsonObject body, Map<String, String> routing) {

        Request(String method, String url, JsonObject body) {
            this(method, url, body, Map.of());
        }
    }

    /** What the partner holds of the object once every request succeeded. */
    enum Held {
        UNCHANGED,
        TOLD,
        FORGOTTEN
    }

    static Delivery nothing(Outbox.Claimed row) {
        return new Delivery(row, List.of(), Held.UNCHANGED);
    }

    /** The row cannot go before the partner's row for ({@code type}, {@code objectId}) has: it waits for it. */
    static Delivery after(Outbox.Claimed row, Outbox.ObjectType type, String objectId) {
        return new Delivery(row, List.of(), Held.UNCHANGED, new Outbox.Behind(row, type, objectId), false);
    }

    /** A request to a URL of its own (a command's {@code response_url}): its failure holds up nothing else. */
    static Delivery toOwnUrl(Outbox.Claimed row, Request request) {
        return new Delivery(row, List.of(request), Held.UNCHANGED, null, true);
    }
}
