package io.csms.transaction;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The energy register among sampled values: Energy.Active.Import.Register (the measurand's
 * default), summed over no phase, in Wh. Values are read only when they are plain bounded decimals
 * (what the OCPP door accepts since it checks them); anything else stored before that, such as
 * {@code 1E+600000000}, is skipped instead of costing minutes of CPU on each read.
 */
public final class EnergyRegister {

    private static final Pattern PLAIN = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");

    private EnergyRegister() {}

    /** Energy in Wh the register shows, from the latest energy reading among {@code samples}, or null. */
    public static Integer latestWh(List<MeterReading.Sample> samples) {
        Integer latest = null;
        for (MeterReading.Sample s : samples) {
            Integer wh = wh(s);
            if (wh != null) {
                latest = wh;
            }
        }
        return latest;
    }

    /** One sample's energy register reading in Wh, or null when it is not one (or not a plain value). */
    public static Integer wh(MeterReading.Sample s) {
        boolean energy = s.measurand() == null || s.measurand().equals("Energy.Active.Import.Register");
        if (!energy
                || s.phase() != null
                || "SignedData".equals(s.format())
                || !PLAIN.matcher(s.value()).matches()) {
            return null;
        }
        BigDecimal value = new BigDecimal(s.value());
        if ("kWh".equals(s.unit())) {
            value = value.movePointRight(3);
        } else if (s.unit() != null && !s.unit().equals("Wh")) {
            return null;
        }
        return value.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 ? null : value.intValue();
    }
}
