package io.csms.roaming.cdrs;

import io.csms.location.LocationData;
import io.csms.tariff.TariffData;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A CDR as OCPI 2.2.1 describes it (module CDRs §10.4.1), frozen at the session's stop and stored as
 * its JSON: the same CDR, with the same id, on every retry. Costs are Prices (without and with VAT);
 * 2.1.1's mapper takes the amounts without VAT.
 */
public record CdrData(
        String countryCode,
        String partyId,
        String id,
        Instant startDateTime,
        Instant endDateTime,
        String sessionId,
        CdrToken cdrToken,
        String authMethod,
        String authorizationReference,
        CdrLocation cdrLocation,
        String currency,
        List<TariffData> tariffs,
        List<ChargingPeriod> chargingPeriods,
        SignedData signedData,
        TariffData.Price totalCost,
        TariffData.Price totalFixedCost,
        BigDecimal totalEnergy,
        TariffData.Price totalEnergyCost,
        BigDecimal totalTime,
        TariffData.Price totalTimeCost,
        BigDecimal totalParkingTime,
        TariffData.Price totalParkingCost,
        Boolean credit,
        String creditReferenceId,
        Instant lastUpdated) {

    /** The credit CDR of this one (OCPI: all its data, {@code total_cost} negative, the original's id referenced). */
    public CdrData credit(String creditId, Instant now) {
        return new CdrData(
                countryCode,
                partyId,
                creditId,
                startDateTime,
                endDateTime,
                sessionId,
                cdrToken,
                authMethod,
                authorizationReference,
                cdrLocation,
                currency,
                tariffs,
                chargingPeriods,
                signedData,
                new TariffData.Price(
                        totalCost.exclVat().negate(),
                        totalCost.inclVat() == null ? null : totalCost.inclVat().negate()),
                totalFixedCost,
                totalEnergy,
                totalEnergyCost,
                totalTime,
                totalTimeCost,
                totalParkingTime,
                totalParkingCost,
                true,
                id,
                now);
    }

    /** OCPI 2.2.1 CdrToken. */
    public record CdrToken(String countryCode, String partyId, String uid, String type, String contractId) {}

    /** OCPI 2.2.1 CdrLocation: where the session was, flattened to the EVSE and connector used. */
    public record CdrLocation(
            String id,
            String name,
            String address,
            String city,
            String postalCode,
            String state,
            String country,
            LocationData.GeoLocation coordinates,
            String evseUid,
            String evseId,
            String connectorId,
            String connectorStandard,
            String connectorFormat,
            String connectorPowerType) {}

    /** OCPI 2.2.1 ChargingPeriod. */
    public record ChargingPeriod(Instant startDateTime, List<Dimension> dimensions, String tariffId) {}

    /**
     * OCPI 2.2.1 SignedData: the signed meter values the charger sent (OCPP SampledValue format
     * SignedData), for the eMSP to verify (German Eichrecht): {@code encoding_method} OCMF when they
     * are OCMF documents.
     */
    public record SignedData(String encodingMethod, List<SignedValue> signedValues) {}

    /** OCPI 2.2.1 SignedValue: Start, End or Intermediate, the readable data and the signed document. */
    public record SignedValue(String nature, String plainData, String signedData) {}

    /** OCPI 2.2.1 CdrDimension. */
    public record Dimension(String type, BigDecimal volume) {}
}
