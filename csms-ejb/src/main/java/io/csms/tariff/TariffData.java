package io.csms.tariff;

import io.csms.location.LocationData;
import jakarta.validation.Valid;
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
 * A tariff, field for field the OCPI 2.2.1 Tariff object (module Tariffs, §11.3) and the classes it
 * uses, with the spec's field rules as constraints. {@code countryCode}, {@code partyId} and
 * {@code lastUpdated} are ours. Prices are exact decimals, never floating point.
 */
public record TariffData(
        @NotNull @Pattern(regexp = "[A-Z]{2}") String countryCode,
        @NotNull @Pattern(regexp = "[A-Z0-9]{3}") String partyId,
        @NotNull @Size(min = 1, max = 36) String id,

        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as EUR")
        String currency,

        TariffType type,
        List<LocationData.@Valid @NotNull DisplayText> tariffAltText,
        @Size(max = 255) String tariffAltUrl,
        @Valid Price minPrice,
        @Valid Price maxPrice,
        @NotEmpty List<@Valid @NotNull Element> elements,
        Instant startDateTime,
        Instant endDateTime,
        @Valid LocationData.EnergyMix energyMix,
        @NotNull Instant lastUpdated) {

    /** The same tariff as ours: our party, id and time of last change. */
    TariffData asOurs(String ourCountryCode, String ourPartyId, String ourId, Instant updated) {
        return new TariffData(
                ourCountryCode,
                ourPartyId,
                ourId,
                currency,
                type,
                tariffAltText,
                tariffAltUrl,
                minPrice,
                maxPrice,
                elements,
                startDateTime,
                endDateTime,
                energyMix,
                updated);
    }

    public record Price(
            @NotNull @DecimalMin("0") BigDecimal exclVat,
            @DecimalMin("0") BigDecimal inclVat) {}

    public record Element(
            @NotEmpty List<@Valid @NotNull PriceComponent> priceComponents,
            @Valid Restrictions restrictions) {}

    public record PriceComponent(
            @NotNull DimensionType type,
            @NotNull @DecimalMin("0") BigDecimal price,
            @DecimalMin("0") BigDecimal vat,
            @NotNull @Min(0) @Max(1_000_000_000) Integer stepSize) {}

    public record Restrictions(
            @Pattern(regexp = TIME, message = "must be a time of day such as 08:00")
            String startTime,

            @Pattern(regexp = TIME, message = "must be a time of day such as 18:00")
            String endTime,

            @Pattern(regexp = DATE, message = "must be a date such as 2026-12-01")
            String startDate,

            @Pattern(regexp = DATE, message = "must be a date such as 2026-12-31")
            String endDate,

            @DecimalMin("0") BigDecimal minKwh,
            @DecimalMin("0") BigDecimal maxKwh,
            @DecimalMin("0") BigDecimal minCurrent,
            @DecimalMin("0") BigDecimal maxCurrent,
            @DecimalMin("0") BigDecimal minPower,
            @DecimalMin("0") BigDecimal maxPower,
            @Min(0) Integer minDuration,
            @Min(0) Integer maxDuration,
            List<@NotNull DayOfWeek> dayOfWeek,
            ReservationRestriction reservation) {}

    static final String TIME = "([0-1][0-9]|2[0-3]):[0-5][0-9]";
    static final String DATE = "([12][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";

    public enum TariffType {
        AD_HOC_PAYMENT,
        PROFILE_CHEAP,
        PROFILE_FAST,
        PROFILE_GREEN,
        REGULAR
    }

    public enum DimensionType {
        ENERGY,
        FLAT,
        PARKING_TIME,
        TIME
    }

    public enum DayOfWeek {
        MONDAY,
        TUESDAY,
        WEDNESDAY,
        THURSDAY,
        FRIDAY,
        SATURDAY,
        SUNDAY
    }

    public enum ReservationRestriction {
        RESERVATION,
        RESERVATION_EXPIRES
    }
}
