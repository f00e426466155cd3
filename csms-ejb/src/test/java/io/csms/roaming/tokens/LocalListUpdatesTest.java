package io.csms.roaming.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.csms.platform.Jsonp;
import java.io.StringReader;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How a list's changes are cut into SendLocalList updates, and how a charger's settings are read. */
class LocalListUpdatesTest {

    private static LocalLists.Entry entry(int i) {
        return new LocalLists.Entry("TAG" + i, "Accepted", null);
    }

    @Test
    void changes_go_in_updates_of_at_most_the_charger_s_length_removals_last() {
        List<LocalLists.Entry> upserts =
                IntStream.range(0, 5).mapToObj(LocalListUpdatesTest::entry).toList();
        var updates = LocalListSync.updates(new LocalLists.Plan(3, false, upserts, List.of("OLD1", "OLD2")), 3);
        assertEquals(3, updates.size());
        assertEquals(3, updates.get(0).upserts().size());
        assertEquals(List.of("OLD1"), updates.get(1).removals());
        assertEquals(List.of("OLD2"), updates.get(2).removals());
        assertTrue(updates.stream().noneMatch(LocalListSync.Update::full));
    }

    @Test
    void a_full_list_starts_with_a_full_update_even_when_empty() {
        var empty = LocalListSync.updates(new LocalLists.Plan(null, true, List.of(), List.of()), 10);
        assertEquals(1, empty.size());
        assertTrue(empty.get(0).full());
        assertTrue(empty.get(0).upserts().isEmpty());
        var two = LocalListSync.updates(
                new LocalLists.Plan(7, true, List.of(entry(1), entry(2), entry(3)), List.of()), 2);
        assertEquals(2, two.size());
        assertTrue(two.get(0).full());
        assertFalse(two.get(1).full(), "the rest of a full list follows as differential updates");
    }

    @Test
    void the_charger_s_settings_are_read_from_get_configuration() {
        var settings = LocalListSync.settings(json("""
                {"configurationKey":[{"key":"LocalPreAuthorize","readonly":false,"value":"False"},
                 {"key":"LocalAuthListEnabled","readonly":false,"value":"true"},
                 {"key":"SendLocalListMaxLength","readonly":true,"value":"20"}]}"""));
        assertFalse(settings.localPreAuthorize());
        assertTrue(settings.listEnabled());
        assertEquals(20, settings.chunk());
        var unknown = LocalListSync.settings(json("{\"unknownKey\":[\"LocalPreAuthorize\"]}"));
        assertTrue(unknown.localPreAuthorize(), "unknown: pre-authorizing, so only ALWAYS tokens go on the list");
        assertEquals(LocalListSync.DEFAULT_CHUNK, unknown.chunk());
    }

    private static jakarta.json.JsonObject json(String text) {
        try (var reader = Jsonp.JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
