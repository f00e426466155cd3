package io.csms.location;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A location with its EVSEs and their connectors, field for field the OCPI 2.2.1 Location object
 * (module Locations, §8.3) and the classes it uses, with the spec's field rules as constraints:
 * what is required, string lengths, formats and enumerations. JSON names are these names in
 * snake_case ({@link LocationJson}). The same rules check what an operator gives and what we send.
 *
 * <p>{@code countryCode}, {@code partyId} and the {@code lastUpdated} fields are ours (the
 * operator's party, and when we saw the object change), as is an EVSE's {@code status} (from OCPP);
 * {@link Evse#ocpp()} is our extension naming the charger connector an EVSE is, never sent to partners.
 */
public record LocationData(
        @NotNull @Pattern(regexp = COUNTRY_CODE) String countryCode,
        @NotNull @Pattern(regexp = PARTY_ID) String partyId,

        @NotNull @Size(min = 1, max = 36) @Pattern(regexp = CI_STRING)
        String id,

        @NotNull Boolean publish,
        List<@Valid @NotNull PublishToken> publishAllowedTo,
        @Size(max = 255) String name,
        @NotNull @Size(max = 45) String address,
        @NotNull @Size(max = 45) String city,
        @Size(max = 10) String postalCode,
        @Size(max = 20) String state,

        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 3166-1 alpha-3 code")
        String country,

        @NotNull @Valid GeoLocation coordinates,
        List<@Valid @NotNull AdditionalGeoLocation> relatedLocations,
        ParkingType parkingType,
        List<@Valid @NotNull Evse> evses,
        List<@Valid @NotNull DisplayText> directions,
        @Valid BusinessDetails operator,
        @Valid BusinessDetails suboperator,
        @Valid BusinessDetails owner,
        List<@NotNull Facility> facilities,
        @NotNull @Size(max = 255) String timeZone,
        @Valid Hours openingTimes,
        Boolean chargingWhenClosed,
        List<@Valid @NotNull Image> images,
        @Valid EnergyMix energyMix,
        @NotNull Instant lastUpdated) {

    /** OCPI CiString: printable ASCII. */
    static final String CI_STRING = "[\\x20-\\x7E]*";

    static final String COUNTRY_CODE = "[A-Z]{2}";
    static final String PARTY_ID = "[A-Z0-9]{3}";

    /**
     * eMI3 EVSE ID (OCPI 2.2.1 EVSE.evse_id, "eMI3 standard version V1.0"): country, spot operator
     * id, "E", outlet id; the {@code *} separators are optional. Compared without case.
     */
    public static final String EVSE_ID = "[A-Za-z]{2}\\*?[A-Za-z0-9]{3}\\*?[Ee][A-Za-z0-9][A-Za-z0-9*]{0,30}";

    /** The same location with other EVSEs. */
    public LocationData withEvses(List<Evse> evses) {
        return new LocationData(
                countryCode,
                partyId,
                id,
                publish,
                publishAllowedTo,
                name,
                address,
                city,
                postalCode,
                state,
                country,
                coordinates,
                relatedLocations,
                parkingType,
                evses,
                directions,
                operator,
                suboperator,
                owner,
                facilities,
                timeZone,
                openingTimes,
                chargingWhenClosed,
                images,
                energyMix,
                lastUpdated);
    }

    /** The same location as ours: our party, id and time of last change, and no EVSEs (they are kept apart). */
    LocationData asOurs(String ourCountryCode, String ourPartyId, String ourId, Instant updated) {
        return new LocationData(
                ourCountryCode,
                ourPartyId,
                ourId,
                publish,
                publishAllowedTo,
                name,
                address,
                city,
                postalCode,
                state,
                country,
                coordinates,
                relatedLocations,
                parkingType,
                null,
                directions,
                operator,
                suboperator,
                owner,
                facilities,
                timeZone,
                openingTimes,
                chargingWhenClosed,
                images,
                energyMix,
                updated);
    }

    /**
     * One EVSE: OCPI 2.2.1 EVSE. {@code ocpp} names the OCPP charger and connector it is (required
     * from the operator, left out towards partners).
     */
    public record Evse(
            @NotNull @Size(min = 1, max = 36) @Pattern(regexp = CI_STRING)
            String uid,

            @Size(max = 48) @Pattern(regexp = EVSE_ID, message = "must be an eMI3 EVSE ID such as NL*CSM*E1234*1")
            String evseId,

            @NotNull EvseStatus status,
            List<@Valid @NotNull StatusSchedule> statusSchedule,
            List<@NotNull Capability> capabilities,
            @NotEmpty List<@Valid @NotNull Connector> connectors,
            @Size(max = 4) String floorLevel,
            @Valid GeoLocation coordinates,
            @Size(max = 16) String physicalReference,
            List<@Valid @NotNull DisplayText> directions,
            List<@NotNull ParkingRestriction> parkingRestrictions,
            List<@Valid @NotNull Image> images,
            @NotNull Instant lastUpdated,
            @Valid OcppConnector ocpp) {

        /** The same EVSE with another status, time of change, connectors and OCPP reference. */
        public Evse with(EvseStatus status, Instant lastUpdated, List<Connector> connectors, OcppConnector ocpp) {
            return new Evse(
                    uid,
                    evseId,
                    status,
                    statusSchedule,
                    capabilities,
                    connectors,
                    floorLevel,
                    coordinates,
                    physicalReference,
                    directions,
                    parkingRestrictions,
                    images,
                    lastUpdated,
                    ocpp);
        }
    }

    /** Our extension of an EVSE: the OCPP 1.6 charger ({@code charge_point_id}) and connector it is. */
    public record OcppConnector(
            @NotNull @Size(min = 1, max = 48) String chargePointId,
            @NotNull @Min(1) @Max(100) Integer connectorId) {}

    /** OCPI 2.2.1 Connector: one plug or socket of an EVSE. */
    public record Connector(
            @NotNull @Size(min = 1, max = 36) @Pattern(regexp = CI_STRING)
            String id,

            @NotNull ConnectorType standard,
            @NotNull ConnectorFormat format,
            @NotNull PowerType powerType,
            @NotNull @Min(0) @Max(100_000) Integer maxVoltage,
            @NotNull @Min(0) @Max(100_000) Integer maxAmperage,
            @Min(0) @Max(100_000_000) Integer maxElectricPower,
            List<@NotNull @Size(min = 1, max = 36) @Pattern(regexp = CI_STRING) String> tariffIds,
            @Size(max = 255) String termsAndConditions,
            @NotNull Instant lastUpdated) {

        public Connector updatedAt(Instant at) {
            return new Connector(
                    id,
                    standard,
                    format,
                    powerType,
                    maxVoltage,
                    maxAmperage,
                    maxElectricPower,
                    tariffIds,
                    termsAndConditions,
                    at);
        }
    }

    public record GeoLocation(
            @NotNull
            @Pattern(regexp = "-?[0-9]{1,2}\\.[0-9]{5,7}", message = "must be decimal degrees such as 51.047599")
            String latitude,

            @NotNull
            @Pattern(regexp = "-?[0-9]{1,3}\\.[0-9]{5,7}", message = "must be decimal degrees such as 3.729944")
            String longitude) {}

    public record AdditionalGeoLocation(
            @NotNull @Pattern(regexp = "-?[0-9]{1,2}\\.[0-9]{5,7}")
            String latitude,

            @NotNull @Pattern(regexp = "-?[0-9]{1,3}\\.[0-9]{5,7}")
            String longitude,

            @Valid DisplayText name) {}

    public record DisplayText(
            @NotNull @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 language code")
            String language,

            @NotNull @Size(max = 512) String text) {}

    public record BusinessDetails(
            @NotNull @Size(max = 100) String name,
            @Size(max = 255) String website,
            @Valid Image logo) {}

    public record Image(
            @NotNull @Size(max = 255) String url,
            @Size(max = 255) String thumbnail,
            @NotNull ImageCategory category,

            @NotNull @Size(max = 4) @Pattern(regexp = "[A-Za-z0-9]*")
            String type,

            @Min(0) @Max(99_999) Integer width,
            @Min(0) @Max(99_999) Integer height) {}

    /** OCPI 2.2.1 PublishTokenType: a token that may see a location that is not published. */
    public record PublishToken(
            @Size(max = 36) @Pattern(regexp = CI_STRING) String uid,
            TokenType type,
            @Size(max = 64) String visualNumber,
            @Size(max = 64) String issuer,
            @Size(max = 36) @Pattern(regexp = CI_STRING) String groupId) {}

    public record Hours(
            List<@Valid @NotNull RegularHours> regularHours,
            @NotNull Boolean twentyfourseven,
            List<@Valid @NotNull ExceptionalPeriod> exceptionalOpenings,
            List<@Valid @NotNull ExceptionalPeriod> exceptionalClosings) {}

    public record RegularHours(
            @NotNull @Min(1) @Max(7) Integer weekday,

            @NotNull @Pattern(regexp = HOUR_MINUTE, message = "must be a time of day such as 08:00")
            String periodBegin,

            @NotNull @Pattern(regexp = HOUR_MINUTE, message = "must be a time of day such as 18:00")
            String periodEnd) {}

    static final String HOUR_MINUTE = "([0-1][0-9]|2[0-3]):[0-5][0-9]";

    public record ExceptionalPeriod(
            @NotNull Instant periodBegin, @NotNull Instant periodEnd) {}

    public record StatusSchedule(
            @NotNull Instant periodBegin,
            Instant periodEnd,
            @NotNull EvseStatus status) {}

    public record EnergyMix(
            @NotNull Boolean isGreenEnergy,
            List<@Valid @NotNull EnergySource> energySources,
            List<@Valid @NotNull EnvironmentalImpact> environImpact,
            @Size(max = 64) String supplierName,
            @Size(max = 64) String energyProductName) {}

    public record EnergySource(
            @NotNull EnergySourceCategory source,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal percentage) {}

    public record EnvironmentalImpact(
            @NotNull EnvironmentalImpactCategory category,
            @NotNull @DecimalMin("0") BigDecimal amount) {}

    public enum EvseStatus {
        AVAILABLE,
        BLOCKED,
        CHARGING,
        INOPERATIVE,
        OUTOFORDER,
        PLANNED,
        REMOVED,
        RESERVED,
        UNKNOWN
    }

    public enum Capability {
        CHARGING_PROFILE_CAPABLE,
        CHARGING_PREFERENCES_CAPABLE,
        CHIP_CARD_SUPPORT,
        CONTACTLESS_CARD_SUPPORT,
        CREDIT_CARD_PAYABLE,
        DEBIT_CARD_PAYABLE,
        PED_TERMINAL,
        REMOTE_START_STOP_CAPABLE,
        RESERVABLE,
        RFID_READER,
        START_SESSION_CONNECTOR_REQUIRED,
        TOKEN_GROUP_CAPABLE,
        UNLOCK_CAPABLE
    }

    public enum ConnectorFormat {
        SOCKET,
        CABLE
    }

    public enum PowerType {
        AC_1_PHASE,
        AC_2_PHASE,
        AC_2_PHASE_SPLIT,
        AC_3_PHASE,
        DC
    }

    public enum ConnectorType {
        CHADEMO,
        CHAOJI,
        DOMESTIC_A,
        DOMESTIC_B,
        DOMESTIC_C,
        DOMESTIC_D,
        DOMESTIC_E,
        DOMESTIC_F,
        DOMESTIC_G,
        DOMESTIC_H,
        DOMESTIC_I,
        DOMESTIC_J,
        DOMESTIC_K,
        DOMESTIC_L,
        DOMESTIC_M,
        DOMESTIC_N,
        DOMESTIC_O,
        GBT_AC,
        GBT_DC,
        IEC_60309_2_single_16,
        IEC_60309_2_three_16,
        IEC_60309_2_three_32,
        IEC_60309_2_three_64,
        IEC_62196_T1,
        IEC_62196_T1_COMBO,
        IEC_62196_T2,
        IEC_62196_T2_COMBO,
        IEC_62196_T3A,
        IEC_62196_T3C,
        NEMA_5_20,
        NEMA_6_30,
        NEMA_6_50,
        NEMA_10_30,
        NEMA_10_50,
        NEMA_14_30,
        NEMA_14_50,
        PANTOGRAPH_BOTTOM_UP,
        PANTOGRAPH_TOP_DOWN,
        TESLA_R,
        TESLA_S
    }

    public enum ParkingType {
        ALONG_MOTORWAY,
        PARKING_GARAGE,
        PARKING_LOT,
        ON_DRIVEWAY,
        ON_STREET,
        UNDERGROUND_GARAGE
    }

    public enum ParkingRestriction {
        EV_ONLY,
        PLUGGED,
        DISABLED,
        CUSTOMERS,
        MOTORCYCLES
    }

    public enum Facility {
        HOTEL,
        RESTAURANT,
        CAFE,
        MALL,
        SUPERMARKET,
        SPORT,
        RECREATION_AREA,
        NATURE,
        MUSEUM,
        BIKE_SHARING,
        BUS_STOP,
        TAXI_STAND,
        TRAM_STOP,
        METRO_STATION,
        TRAIN_STATION,
        AIRPORT,
        PARKING_LOT,
        CARPOOL_PARKING,
        FUEL_STATION,
        WIFI
    }

    public enum ImageCategory {
        CHARGER,
        ENTRANCE,
        LOCATION,
        NETWORK,
        OPERATOR,
        OTHER,
        OWNER
    }

    public enum TokenType {
        AD_HOC_USER,
        APP_USER,
        OTHER,
        RFID
    }

    public enum EnergySourceCategory {
        NUCLEAR,
        GENERAL_FOSSIL,
        COAL,
        GAS,
        GENERAL_GREEN,
        SOLAR,
        WIND,
        WATER
    }

    public enum EnvironmentalImpactCategory {
        NUCLEAR_WASTE,
        CARBON_DIOXIDE
    }
}
