package io.csms.ocpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagingTest {

    private static final String URL = "https://cpo.example.com/ocpi/2.2.1/locations";

    @Test
    void defaults_are_the_first_page_of_our_largest_size() {
        Paging paging = Paging.of(Map.of(), 100);
        assertEquals(new Paging(0, 100, null, null), paging);
    }

    @Test
    void a_client_limit_above_ours_is_capped_and_the_header_shows_ours() {
        Paging paging = Paging.of(Map.of("offset", List.of("20"), "limit", List.of("500")), 100);
        assertEquals(20, paging.offset());
        assertEquals(100, paging.limit());
        assertEquals(
                "100", paging.headers(1000, 100, URL, "offset=20&limit=500").get(Paging.LIMIT));
        assertEquals(10, Paging.of(Map.of("limit", List.of("10")), 100).limit());
    }

    @Test
    void dates_are_read_with_or_without_a_zone_and_bound_last_updated() {
        Paging paging = Paging.of(
                Map.of("date_from", List.of("2026-11-01T00:00:00Z"), "date_to", List.of("2026-11-02T00:00:00")), 50);
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), paging.dateFrom());
        assertEquals(Instant.parse("2026-11-02T00:00:00Z"), paging.dateTo());
        assertTrue(paging.includes(Instant.parse("2026-11-01T00:00:00Z")), "date_from is inclusive");
        assertTrue(paging.includes(Instant.parse("2026-11-01T23:59:59Z")));
        assertFalse(paging.includes(Instant.parse("2026-11-02T00:00:00Z")), "date_to is exclusive");
        assertFalse(paging.includes(Instant.parse("2026-10-31T23:59:59Z")));
        assertEquals(
                Instant.parse("2026-11-01T09:00:00Z"),
                Paging.of(Map.of("date_from", List.of("2026-11-01T10:00:00+01:00")), 50)
                        .dateFrom());
    }

    @Test
    void malformed_parameters_are_refused() {
        for (Map<String, List<String>> query : List.<Map<String, List<String>>>of(
                Map.of("offset", List.of("-1")),
                Map.of("limit", List.of("ten")),
                Map.of("offset", List.of("1.5")),
                Map.of("date_from", List.of("yesterday")),
                Map.of("date_to", List.of("2026-13-01T00:00:00Z")))) {
            assertThrows(Paging.InvalidParameter.class, () -> Paging.of(query, 100), query.toString());
        }
    }

    @Test
    void the_next_link_keeps_the_filters_and_moves_the_offset() {
        Paging paging = Paging.of(
                Map.of("offset", List.of("50"), "limit", List.of("50"), "date_from", List.of("2026-11-01T00:00:00Z")),
                100);
        Map<String, String> headers =
                paging.headers(180, 50, URL, "date_from=2026-11-01T00%3A00%3A00Z&offset=50&limit=50");
        assertEquals("180", headers.get(Paging.TOTAL_COUNT));
        assertEquals(
                "<" + URL + "?date_from=2026-11-01T00%3A00%3A00Z&offset=100&limit=50>; rel=\"next\"",
                headers.get("Link"));
    }

    @Test
    void the_last_page_has_no_next_link() {
        Paging paging = Paging.of(Map.of("offset", List.of("150"), "limit", List.of("50")), 100);
        Map<String, String> headers = paging.headers(180, 30, URL, "offset=150&limit=50");
        assertNull(headers.get("Link"));
        assertEquals("180", headers.get(Paging.TOTAL_COUNT));
        assertNull(Paging.of(Map.of(), 100).headers(0, 0, URL, null).get("Link"), "nothing at all: no next page");
        assertEquals(
                "<" + URL + "?offset=100&limit=100>; rel=\"next\"",
                Paging.of(Map.of(), 100).headers(101, 100, URL, null).get("Link"));
    }
}
