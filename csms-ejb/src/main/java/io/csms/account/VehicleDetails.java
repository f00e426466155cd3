package io.csms.account;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** What a driver says about a vehicle. */
public record VehicleDetails(
        @Size(max = 64) String label,
        @Size(max = 64) String make,
        @Size(max = 64) String model,
        @Size(max = 20) String licensePlate,

        @DecimalMin("0.1") @DecimalMax("9999.9") @Digits(integer = 5, fraction = 1)
        BigDecimal batteryKwh) {}
