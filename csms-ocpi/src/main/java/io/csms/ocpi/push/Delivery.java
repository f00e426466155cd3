package io.csms.ocpi.push;

import io.csms.roaming.outbox.Outbox;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * What tells a partner of one outbox row: the requests to its Receiver (none: nothing to tell it,
 * the row is dropped) and, for a location, whether it holds the location afterwards or was told to
 * forget it.
 */
record Delivery(Outbox.Claimed row, List<Request> requests, Held held) {

    /** One request to a Receiver endpoint; {@code body} null for a DELETE. */
    record Request(String method, String url, JsonObject body) {}

    /** What the partner holds of the object once every request succeeded. */
    enum Held {
        UNCHANGED,
        TOLD,
        FORGOTTEN
    }

    static Delivery nothing(Outbox.Claimed row) {
        return new Delivery(row, List.of(), Held.UNCHANGED);
    }
}
