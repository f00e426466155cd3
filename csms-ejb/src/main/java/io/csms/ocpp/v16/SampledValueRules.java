package io.csms.ocpp.v16;

import io.csms.ocpp.rpc.ErrorCode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a sampled value may be, beyond its schema (which says only "string"): a Raw value is a plain
 * decimal, so that reading it later costs nothing (a value such as {@code 1E+600000000} would cost
 * minutes of CPU every time a session is shown); an energy register in particular matches
 * {@code csms.ocpp.energy-register-pattern} and is at most {@code csms.ocpp.max-energy-wh}; signed
 * data is at most {@code csms.ocpp.max-signed-value-length} characters; a message carries at most
 * {@code csms.ocpp.max-sampled-values} values. Anything else is a PropertyConstraintViolation, and
 * nothing of the message is stored.
 */
@ApplicationScoped
public class SampledValueRules {

    /** Any Raw value: a decimal, as OCPP 1.6 says ("value as a 'Raw' (decimal) number"), without exponent. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d{1,15}(\\.\\d{1,15})?");

    private static final Set<String> ENERGY_UNITS = Set.of("Wh", "kWh", "varh", "kvarh");

    @Inject
    @ConfigProperty(name = "csms.ocpp.energy-register-pattern", defaultValue = "-?\\d{1,15}(\\.\\d{1,6})?")
    String energyPattern;

    @Inject
    @ConfigProperty(name = "csms.ocpp.max-energy-wh", defaultValue = "1000000000000")
    BigDecimal maxEnergyWh;

    @Inject
    @ConfigProperty(name = "csms.ocpp.max-signed-value-length", defaultValue = "5000")
    int maxSignedLength;

    @Inject
    @ConfigProperty(name = "csms.ocpp.max-sampled-values", defaultValue = "500")
    int maxValues;

    private Pattern energy;

    @PostConstruct
    void compile() {
        energy = Pattern.compile(energyPattern);
    }

    public void check(List<MeterValue> meterValues) {
        if (meterValues == null) {
            return;
        }
        int count = 0;
        for (int i = 0; i < meterValues.size(); i++) {
            List<SampledValue> sampled = meterValues.get(i).sampledValue();
            for (int j = 0; j < sampled.size(); j++) {
                if (++count > maxValues) {
                    throw violation("more than " + maxValues + " sampled values in one message");
                }
                check(sampled.get(j), "meterValue[" + i + "].sampledValue[" + j + "].value");
            }
        }
    }

    private void check(SampledValue sampled, String name) {
        String value = sampled.value();
        if ("SignedData".equals(sampled.format())) {
            if (value.length() > maxSignedLength) {
                throw violation(name + ": signed data longer than " + maxSignedLength + " characters");
            }
            return;
        }
        if (isRegister(sampled)) {
            if (!energy.matcher(value).matches()) {
                throw violation(name + ": an energy register is a plain decimal (" + energyPattern + ")");
            }
            BigDecimal wh = new BigDecimal(value);
            if (sampled.unit() != null && sampled.unit().startsWith("k")) {
                wh = wh.movePointRight(3);
            }
            if (wh.abs().compareTo(maxEnergyWh) > 0) {
                throw violation(name + ": an energy register beyond " + maxEnergyWh.toPlainString() + " Wh");
            }
        } else if (!DECIMAL.matcher(value).matches()) {
            throw violation(name + ": a Raw value is a plain decimal number");
        }
    }

    /** An energy register: the measurand's default (Energy.Active.Import.Register) or any *.Register, in an energy unit. */
    private static boolean isRegister(SampledValue sampled) {
        String measurand = sampled.measurand() == null ? "Energy.Active.Import.Register" : sampled.measurand();
        return measurand.endsWith(".Register") && (sampled.unit() == null || ENERGY_UNITS.contains(sampled.unit()));
    }

    private static PayloadViolation violation(String message) {
        return new PayloadViolation(ErrorCode.PropertyConstraintViolation, message);
    }
}
