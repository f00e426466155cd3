package io.csms.roaming.tokens;

import io.csms.platform.Refusal;
import java.time.Instant;
import java.util.Locale;

/**
 * An eMSP's token as OCPI 2.2.1 describes it (2.1.1's {@code auth_id} is the contract id; 2.1.1 has no
 * group, profile or energy contract). Checked when made: a token that breaks a field rule is refused
 * ({@link Refusal.Kind#INVALID}) naming the field. Country code and party id are kept upper case (they
 * are CiStrings).
 */
public record TokenData(
        String countryCode,
        String partyId,
        String uid,
        Type type,
        String contractId,
        String visualNumber,
        String issuer,
        String groupId,
        boolean valid,
        Whitelist whitelist,
        String language,
        String defaultProfileType,
        EnergyContract energyContract,
        Instant lastUpdated) {

    /** OCPI TokenType. */
    public enum Type {
        AD_HOC_USER,
        APP_USER,
        OTHER,
        RFID
    }

    /** OCPI WhitelistType: whether we may decide without asking the eMSP. */
    public enum Whitelist {
        /** Decide from the token; never ask. */
        ALWAYS,
        /** Ask; when the eMSP does not answer, decide from the token. */
        ALLOWED,
        /** Ask; when the eMSP does not answer, decide from the token. */
        ALLOWED_OFFLINE,
        /** Ask; when the eMSP does not answer, refuse. */
        NEVER
    }

    /** OCPI 2.2.1 EnergyContract. */
    public record EnergyContract(String supplierName, String contractId) {
        public EnergyContract {
            text("energy_contract.supplier_name", supplierName, 64, true);
            text("energy_contract.contract_id", contractId, 64, false);
        }
    }

    static final java.util.Set<String> PROFILE_TYPES = java.util.Set.of("CHEAP", "FAST", "GREEN", "REGULAR");

    public TokenData {
        if (countryCode == null || !countryCode.matches("[A-Za-z]{2}")) {
            throw invalid("country_code: two letters");
        }
        if (partyId == null || !partyId.matches("[A-Za-z0-9]{3}")) {
            throw invalid("party_id: three letters or digits");
        }
        countryCode = countryCode.toUpperCase(Locale.ROOT);
        partyId = partyId.toUpperCase(Locale.ROOT);
        text("uid", uid, 36, true);
        if (type == null) {
            throw invalid("type: AD_HOC_USER, APP_USER, OTHER or RFID");
        }
        text("contract_id", contractId, 36, true);
        text("visual_number", visualNumber, 64, false);
        text("issuer", issuer, 64, true);
        text("group_id", groupId, 36, false);
        if (whitelist == null) {
            throw invalid("whitelist: ALWAYS, ALLOWED, ALLOWED_OFFLINE or NEVER");
        }
        if (language != null && !language.matches("[A-Za-z]{2}")) {
            throw invalid("language: an ISO 639-1 code of two letters");
        }
        if (defaultProfileType != null && !PROFILE_TYPES.contains(defaultProfileType)) {
            throw invalid("default_profile_type: CHEAP, FAST, GREEN or REGULAR");
        }
        if (lastUpdated == null) {
            throw invalid("last_updated: a date-time");
        }
    }

    /** The id tag chargers see for this token (OCPP 1.6: at most 20 characters). */
    public String idTag() {
        return IdTagAlias.of(countryCode, partyId, uid);
    }

    /** The OCPP parentIdTag of the token's group, or null. */
    public String parentIdTag() {
        return groupId == null ? null : IdTagAlias.of(countryCode, partyId, groupId);
    }

    /** OCPI CiString/string: printable ASCII (space included), 1 to {@code max} characters. */
    private static void text(String field, String value, int max, boolean required) {
        if (value == null) {
            if (required) {
                throw invalid(field + " is required");
            }
            return;
        }
        if (value.isEmpty() || value.length() > max || !value.matches("[\\x20-\\x7E]+")) {
            throw invalid(field + ": 1 to " + max + " printable ASCII characters");
        }
    }

    private static Refusal invalid(String message) {
        return new Refusal(Refusal.Kind.INVALID, "invalid-token", message);
    }
}
