package io.csms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArrayInsertTest {

    @Test
    void one_statement_unnests_one_array_per_column_in_order() {
        ArrayInsert rows = ArrayInsert.into("meter_value")
                .text("charger_id", new String[] {"CP-1", "CP-2"})
                .integer("connector_id", new Integer[] {1, null})
                .timestamp("sampled_at", new Instant[] {Instant.EPOCH, null})
                .then("on conflict do nothing");
        assertEquals(
                "insert into meter_value (charger_id, connector_id, sampled_at) select * from unnest("
                        + "cast(? as text[]), cast(? as int4[]), cast(cast(? as text[]) as timestamptz[]))"
                        + " on conflict do nothing",
                rows.sql());
    }

    @Test
    void columns_of_different_lengths_are_refused() {
        ArrayInsert rows = ArrayInsert.into("t").text("a", new String[] {"x", "y"});
        assertThrows(IllegalArgumentException.class, () -> rows.integer("b", new Integer[] {1}));
    }
}
