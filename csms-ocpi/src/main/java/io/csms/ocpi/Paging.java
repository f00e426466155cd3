package io.csms.ocpi;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OCPI pagination of a GET that returns a list (transport and format, "Pagination"): the request's
 * {@code offset}, {@code limit} (capped at what we serve at most), {@code date_from} (inclusive) and
 * {@code date_to} (exclusive) on {@code last_updated}; the response's {@code X-Total-Count},
 * {@code X-Limit} and, unless it is the last page, a {@code Link} to the next page with the same
 * filters. Objects should be listed oldest first, so that pages stay stable while a client crawls.
 *
 * @param offset first object to return, 0 or more
 * @param limit at most this many objects: the client's limit, never more than ours
 * @param dateFrom only objects last updated at or after this instant, or null
 * @param dateTo only objects last updated before this instant, or null
 */
public record Paging(int offset, int limit, Instant dateFrom, Instant dateTo) {

    public static final String TOTAL_COUNT = "X-Total-Count";
    public static final String LIMIT = "X-Limit";

    /** A malformed paging parameter: answered 400 with status 2001 by {@link OcpiErrors}. */
    public static final class InvalidParameter extends RuntimeException {
        InvalidParameter(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads the paging parameters; a malformed one is the client's error ({@link InvalidParameter}). */
    public static Paging of(Map<String, List<String>> query, int maxLimit) {
        int offset = number(query, "offset", 0);
        int limit = Math.min(number(query, "limit", maxLimit), maxLimit);
        Instant from = dateTime(query, "date_from");
        Instant to = dateTime(query, "date_to");
        return new Paging(offset, limit, from, to);
    }

    public static Paging of(UriInfo request, int maxLimit) {
        return of(request.getQueryParameters(), maxLimit);
    }

    /** Whether an object last updated at {@code lastUpdated} is within the date filters. */
    public boolean includes(Instant lastUpdated) {
        return (dateFrom == null || !lastUpdated.isBefore(dateFrom))
                && (dateTo == null || lastUpdated.isBefore(dateTo));
    }

    /**
     * The headers of a page of {@code returned} objects out of {@code total} matching ones, for a
     * request to {@code url} (the public URL of the list, without query) with {@code rawQuery}.
     */
    public Map<String, String> headers(long total, int returned, String url, String rawQuery) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TOTAL_COUNT, Long.toString(total));
        headers.put(LIMIT, Integer.toString(limit));
        long next = (long) offset + returned;
        if (returned > 0 && next < total) {
            List<String> query = new ArrayList<>();
            if (rawQuery != null && !rawQuery.isEmpty()) {
                for (String parameter : rawQuery.split("&")) {
                    String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
                    if (!name.equals("offset") && !name.equals("limit") && !parameter.isEmpty()) {
                        query.add(parameter);
                    }
                }
            }
            query.add("offset=" + next);
            query.add("limit=" + limit);
            headers.put("Link", "<" + url + "?" + String.join("&", query) + ">; rel=\"next\"");
        }
        return headers;
    }

    /** A successful OCPI response with one page of objects and its paging headers. */
    public <T> Response page(List<T> objects, long total, String url, UriInfo request) {
        Response.ResponseBuilder response = Response.ok(OcpiResponse.success(objects), MediaType.APPLICATION_JSON);
        headers(total, objects.size(), url, request.getRequestUri().getRawQuery())
                .forEach(response::header);
        return response.build();
    }

    /** One page of a Sender's objects for its caller, and how many there are in all. */
    public record Listed(List<jakarta.json.JsonValue> objects, long total) {}

    /** Reads a page of a Sender's objects: changed within {@code [from, to)}, from {@code offset}. */
    @FunctionalInterface
    public interface Reader {
        Listed read(java.time.Instant from, java.time.Instant to, int offset, int limit);
    }

    /**
     * A Sender's {@code GET} list: the request's paging read (at most {@code maxLimit} a page), the
     * page read, answered with the paging headers of the resource's version and module path.
     */
    static Response list(UriInfo request, BaseUrl baseUrl, Class<?> resource, int maxLimit, Reader reader) {
        Paging paging = of(request, maxLimit);
        Listed page = reader.read(paging.dateFrom(), paging.dateTo(), paging.offset(), paging.limit());
        OcpiModule module = OcpiModules.moduleOf(resource);
        String url = baseUrl.base(request) + "/" + OcpiModules.versionOf(module).text() + "/" + module.path();
        return paging.page(page.objects(), page.total(), url, request);
    }

    private static int number(Map<String, List<String>> query, String name, int absent) {
        String value = first(query, name);
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameter(name + " must be a whole number, 0 or more");
    }

    /** OCPI DateTime: RFC 3339, UTC; peers also send it without the zone (then UTC too). */
    private static Instant dateTime(Map<String, List<String>> query, String name) {
        String value = first(query, name);
        if (value == null) {
            return null;
        }
        try {
            return parseDateTime(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(name + " must be a date and time such as 2026-11-21T10:00:00Z");
        }
    }

    /** An OCPI DateTime: RFC 3339, or without the zone (then UTC). */
    public static Instant parseDateTime(String value) {
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }
}
