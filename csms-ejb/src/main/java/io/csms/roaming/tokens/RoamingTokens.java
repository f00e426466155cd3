package io.csms.roaming.tokens;

import io.csms.platform.Jsonp;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/**
 * Partners' tokens as they pushed them: one per party, uid and type (uids compared without regard to
 * case: they are CiStrings). An update older than the stored token ({@code last_updated}) changes
 * nothing. Who may write a party's tokens is the caller's check (the OCPI door's routing rules).
 */
@Stateless
public class RoamingTokens {

    /** A stored token, the partner it came from and its row id (which transactions refer to). */
    public record Stored(long id, long partnerId, TokenData token) {}

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @jakarta.inject.Inject
    LocalLists localLists;

    /** Stores the token for {@code partnerId}; false when the stored one is newer (nothing changed). */
    public boolean put(long partnerId, TokenData t) {
        int changed = em.createNativeQuery("""
                insert into ocpi_token (partner_id, country_code, party_id, uid, type, id_tag, contract_id,
                    visual_number, issuer, group_id, valid, whitelist, language, default_profile_type,
                    energy_contract, last_updated)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, cast(?15 as jsonb), ?16)
                on conflict (country_code, party_id, upper(uid), type) do update
                set partner_id = excluded.partner_id, uid = excluded.uid, id_tag = excluded.id_tag,
                    contract_id = excluded.contract_id, visual_number = excluded.visual_number,
                    issuer = excluded.issuer, group_id = excluded.group_id, valid = excluded.valid,
                    whitelist = excluded.whitelist, language = excluded.language,
                    default_profile_type = excluded.default_profile_type,
                    energy_contract = excluded.energy_contract, last_updated = excluded.last_updated
                where ocpi_token.last_updated <= excluded.last_updated""")
                .setParameter(1, partnerId)
                .setParameter(2, t.countryCode())
                .setParameter(3, t.partyId())
                .setParameter(4, t.uid())
                .setParameter(5, t.type().name())
                .setParameter(6, t.idTag())
                .setParameter(7, t.contractId())
                .setParameter(8, t.visualNumber())
                .setParameter(9, t.issuer())
                .setParameter(10, t.groupId())
                .setParameter(11, t.valid())
                .setParameter(12, t.whitelist().name())
                .setParameter(13, t.language())
                .setParameter(14, t.defaultProfileType())
                .setParameter(15, energyContract(t.energyContract()))
                .setParameter(16, Timestamp.from(t.lastUpdated()))
                .executeUpdate();
        if (changed > 0) {
            localLists.tokensChanged();
        }
        return changed > 0;
    }

    /**
     * Changes the party's token as {@code change} says, under a lock of its row, so two PATCHes at
     * once each see the other's change; empty when there is no such token. The change is stored only
     * when it is not older than the token ({@link #put}).
     */
    public Optional<Boolean> change(
            long partnerId,
            String countryCode,
            String partyId,
            String uid,
            TokenData.Type type,
            java.util.function.UnaryOperator<TokenData> change) {
        boolean exists = !em.createNativeQuery("""
                        select id from ocpi_token
                        where country_code = upper(?1) and party_id = upper(?2) and upper(uid) = upper(?3) and type = ?4
                        for update""")
                .setParameter(1, countryCode)
                .setParameter(2, partyId)
                .setParameter(3, uid)
                .setParameter(4, type.name())
                .getResultList()
                .isEmpty();
        if (!exists) {
            return Optional.empty();
        }
        TokenData before = find(countryCode, partyId, uid, type).orElseThrow().token();
        return Optional.of(put(partnerId, change.apply(before)));
    }

    /** The party's token of this uid and type. */
    public Optional<Stored> find(String countryCode, String partyId, String uid, TokenData.Type type) {
        return rows(
                        "where country_code = upper(?1) and party_id = upper(?2) and upper(uid) = upper(?3) and type = ?4",
                        countryCode,
                        partyId,
                        uid,
                        type.name())
                .stream()
                .findFirst();
    }

    /** The token of that row id (a transaction refers to it), whatever its state. */
    public Optional<Stored> byId(long id) {
        return rows("where id = ?1", id).stream().findFirst();
    }

    /**
     * The token a charger means by {@code idTag}, when one partner's token carries it. Several may
     * (the same card number at two eMSPs, or as two types): a valid one before an invalid one, and
     * among those the one stored first, so a partner cannot take over a token another partner
     * registered before it. Only tokens of a partner that is registered and allowed the tokens module
     * count: a revoked or suspended partner's drivers no longer charge on its word.
     */
    public Optional<Stored> forIdTag(String idTag) {
        return rows("""
                        where upper(id_tag) = upper(?1) and partner_id in (
                            select p.id from ocpi_partner p where p.status = 'REGISTERED'
                            and (',' || p.allowed_modules || ',') like '%,tokens,%')
                        order by valid desc, created_at, id limit 1""", idTag).stream().findFirst();
    }

    private List<Stored> rows(String where, Object... parameters) {
        var query = em.createNativeQuery("""
                select id, partner_id, country_code, party_id, uid, type, contract_id, visual_number, issuer,
                    group_id, valid, whitelist, language, default_profile_type, energy_contract::text, last_updated
                from ocpi_token""" + " " + where);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(RoamingTokens::stored).toList();
    }

    private static Stored stored(Object[] r) {
        return new Stored(
                ((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(),
                new TokenData(
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        TokenData.Type.valueOf((String) r[5]),
                        (String) r[6],
                        (String) r[7],
                        (String) r[8],
                        (String) r[9],
                        (Boolean) r[10],
                        TokenData.Whitelist.valueOf((String) r[11]),
                        (String) r[12],
                        (String) r[13],
                        energyContract((String) r[14]),
                        io.csms.platform.SqlTimes.instant(r[15])));
    }

    private static String energyContract(TokenData.EnergyContract contract) {
        if (contract == null) {
            return null;
        }
        var json = Jsonp.JSON.createObjectBuilder().add("supplier_name", contract.supplierName());
        if (contract.contractId() != null) {
            json.add("contract_id", contract.contractId());
        }
        return json.build().toString();
    }

    private static TokenData.EnergyContract energyContract(String json) {
        if (json == null) {
            return null;
        }
        try (var reader = Jsonp.JSON.createReader(new StringReader(json))) {
            JsonObject contract = reader.readObject();
            return new TokenData.EnergyContract(
                    contract.getString("supplier_name"), contract.getString("contract_id", null));
        }
    }
}
