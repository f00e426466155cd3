package io.csms.ocpp.v16;

import java.time.OffsetDateTime;
import java.util.List;

/** OCPP 1.6 MeterValue: the values sampled at one instant. */
public record MeterValue(
        @Required OffsetDateTime timestamp, @Required List<SampledValue> sampledValue) {}
