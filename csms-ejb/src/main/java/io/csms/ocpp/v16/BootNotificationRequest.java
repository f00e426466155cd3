package io.csms.ocpp.v16;

import io.csms.chargepoint.Charger;

/** OCPP 1.6 BootNotification.req. */
public record BootNotificationRequest(
        @Required @MaxLength(20) String chargePointVendor,
        @Required @MaxLength(20) String chargePointModel,
        @MaxLength(25) String chargePointSerialNumber,
        @MaxLength(25) String chargeBoxSerialNumber,
        @MaxLength(50) String firmwareVersion,
        @MaxLength(20) String iccid,
        @MaxLength(20) String imsi,
        @MaxLength(25) String meterType,
        @MaxLength(25) String meterSerialNumber) {

    Charger.BootInfo toBootInfo() {
        return new Charger.BootInfo(
                chargePointVendor,
                chargePointModel,
                chargePointSerialNumber,
                chargeBoxSerialNumber,
                firmwareVersion,
                iccid,
                imsi,
                meterType,
                meterSerialNumber);
    }
}
