package io.csms.roaming.sessions;

import io.csms.location.LocationData;
import io.csms.roaming.tokens.TokenData;
import io.csms.tariff.Pricing;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A session as OCPI 2.2.1 describes it, from one transaction: our party, the transaction id as the
 * session id, the token, how it was authorized, where (the location, and its EVSE and connector), the
 * energy so far, the charging periods and cost under the connector's tariff (none without one, and
 * then no {@code priced} either), ACTIVE or COMPLETED. The versions' mappers shape it.
 */
public record SessionData(
        long partnerId,
        String countryCode,
        String partyId,
        String id,
        Instant startDateTime,
        Instant endDateTime,
        BigDecimal kwh,
        TokenData token,
        String authMethod,
        String authorizationReference,
        LocationData location,
        LocationData.Evse evse,
        String currency,
        List<Pricing.Period> chargingPeriods,
        Pricing.Cost totalCost,
        String status,
        Instant lastUpdated,
        io.csms.tariff.TariffData tariff,
        Pricing.Priced priced) {

    /** The OCPI connector id: the first connector of the EVSE (an OCPP connector is one outlet). */
    public String connectorId() {
        return evse.connectors().get(0).id();
    }
}
