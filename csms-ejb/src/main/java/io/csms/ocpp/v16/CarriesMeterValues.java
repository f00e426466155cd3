package io.csms.ocpp.v16;

import java.util.List;

/** A request with sampled values (MeterValues, StopTransaction's transaction data), checked by {@link SampledValueRules}. */
public interface CarriesMeterValues {

    /** The message's meter values; empty when it has none. */
    List<MeterValue> meterValues();
}
