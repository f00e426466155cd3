package io.csms.ocpp.v16;

import io.csms.transaction.MeterReading;
import java.util.List;

/** OCPP 1.6 MeterValue lists as protocol-neutral samples. */
final class Samples {

    private Samples() {}

    static List<MeterReading.Sample> of(List<MeterValue> meterValues) {
        if (meterValues == null) {
            return List.of();
        }
        return meterValues.stream()
                .flatMap(mv -> mv.sampledValue().stream()
                        .map(sv -> new MeterReading.Sample(
                                mv.timestamp().toInstant(),
                                sv.value(),
                                sv.context(),
                                sv.format(),
                                sv.measurand(),
                                sv.phase(),
                                sv.location(),
                                sv.unit())))
                .toList();
    }
}
