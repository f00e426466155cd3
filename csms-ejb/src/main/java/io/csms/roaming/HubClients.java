package io.csms.roaming;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** What hubs tell us about the parties connected to them (OCPI 2.2.1 hubclientinfo). */
@Stateless
public class HubClients {

    public enum Status {
        CONNECTED,
        OFFLINE,
        PLANNED,
        SUSPENDED
    }

    public record ClientInfo(
            String countryCode, String partyId, Partner.Role role, Status status, Instant lastUpdated) {}

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    /** Stores the hub's latest word on a party; an older update than the one stored changes nothing. */
    public void put(long hubId, ClientInfo info) {
        em.createNativeQuery("""
                insert into ocpi_client_info (partner_id, country_code, party_id, role, status, last_updated, received_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (partner_id, country_code, party_id, role) do update
                set status = excluded.status, last_updated = excluded.last_updated, received_at = excluded.received_at
                where ocpi_client_info.last_updated <= excluded.last_updated""")
                .setParameter(1, hubId)
                .setParameter(2, info.countryCode())
                .setParameter(3, info.partyId())
                .setParameter(4, info.role().name())
                .setParameter(5, info.status().name())
                .setParameter(6, Timestamp.from(info.lastUpdated()))
                .setParameter(7, Timestamp.from(Instant.now()))
                .executeUpdate();
    }

    /**
     * Whether the hub may reach the party: it did not report it OFFLINE or SUSPENDED (a party it
     * never reported is reachable as far as we know).
     */
    public boolean reachable(long hubId, String countryCode, String partyId) {
        return em.createNativeQuery("""
                        select 1 from ocpi_client_info
                        where partner_id = ?1 and upper(country_code) = upper(?2) and upper(party_id) = upper(?3)
                        and status in ('OFFLINE', 'SUSPENDED')""")
                .setParameter(1, hubId)
                .setParameter(2, countryCode)
                .setParameter(3, partyId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** How many parties the hub has told us about (bounded: security review L12). */
    public long count(long hubId) {
        return ((Number) em.createNativeQuery("select count(*) from ocpi_client_info where partner_id = ?1")
                        .setParameter(1, hubId)
                        .getSingleResult())
                .longValue();
    }

    /** Whether the hub has told us about this party (so it may relay that party's messages). */
    public boolean reports(long hubId, String countryCode, String partyId) {
        return !em.createNativeQuery("""
                select 1 from ocpi_client_info
                where partner_id = ?1 and upper(country_code) = upper(?2) and upper(party_id) = upper(?3)""")
                .setParameter(1, hubId)
                .setParameter(2, countryCode)
                .setParameter(3, partyId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    public List<ClientInfo> of(long hubId) {
        List<Object[]> rows = em.createNativeQuery("""
                select country_code, party_id, role, status, last_updated from ocpi_client_info
                where partner_id = ?1 order by country_code, party_id, role""").setParameter(1, hubId).getResultList();
        return rows.stream()
                .map(r -> new ClientInfo(
                        (String) r[0],
                        (String) r[1],
                        Partner.Role.valueOf((String) r[2]),
                        Status.valueOf((String) r[3]),
                        toInstant(r[4])))
                .toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
