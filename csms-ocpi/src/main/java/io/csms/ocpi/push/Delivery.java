package io.csms.ocpi.push;

import io.csms.roaming.outbox.Outbox;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * What tells a partner of one outbox row: the requests to its Receiver (none: nothing to tell it,
 * the row is dropped), for a location whether it holds the location afterwards or was told to forget
 * it, and why the row must wait when it cannot go yet ({@code waits}: it stays, on its own backoff).
 */
record Delivery(Outbox.Claimed row, List<Request> requests, Held held, String waits) {

    Delivery(Outbox.Claimed row, List<Request> requests, Held held) {
        this(row, requests, held, null);
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

    /** The row cannot go yet (what must reach the partner before it has not): it waits. */
    static Delivery waiting(Outbox.Claimed row, String why) {
        return new Delivery(row, List.of(), Held.UNCHANGED, why);
    }
}
