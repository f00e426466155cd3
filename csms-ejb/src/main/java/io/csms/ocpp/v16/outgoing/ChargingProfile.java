package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.OneOf;
import io.csms.ocpp.v16.Required;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** OCPP 1.6 ChargingProfile: sent with RemoteStartTransaction and SetChargingProfile. */
public record ChargingProfile(
        @Required Integer chargingProfileId,
        Integer transactionId,
        @Required Integer stackLevel,

        @Required @OneOf({"ChargePointMaxProfile", "TxDefaultProfile", "TxProfile"})
        String chargingProfilePurpose,

        @Required @OneOf({"Absolute", "Recurring", "Relative"})
        String chargingProfileKind,

        @OneOf({"Daily", "Weekly"}) String recurrencyKind,
        OffsetDateTime validFrom,
        OffsetDateTime validTo,
        @Required ChargingSchedule chargingSchedule) {

    /** OCPP 1.6 ChargingSchedule. */
    public record ChargingSchedule(
            Integer duration,
            OffsetDateTime startSchedule,
            @Required @OneOf({"A", "W"}) String chargingRateUnit,
            @Required List<ChargingSchedulePeriod> chargingSchedulePeriod,
            BigDecimal minChargingRate) {}

    /** OCPP 1.6 ChargingSchedulePeriod. */
    public record ChargingSchedulePeriod(
            @Required Integer startPeriod, @Required BigDecimal limit, Integer numberPhases) {}
}
