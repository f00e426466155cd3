package io.csms.ocpp.v16;

import io.csms.chargepoint.Charger;

/** OCPP 1.6 BootNotification.req. */
public record BootNotificationRequest(
        String chargePointVendor,
        String chargePointModel,
        String chargePointSerialNumber,
        String chargeBoxSerialNumber,
        String firmwareVersion,
        String iccid,
        String imsi,
        String meterType,
        String meterSerialNumber) {

    Charger.BootInfo toBootInfo() {
        return new Charger.BootInfo(chargePointVendor, chargePointModel, chargePointSerialNumber,
                chargeBoxSerialNumber, firmwareVersion, iccid, imsi, meterType, meterSerialNumber);
    }
}
