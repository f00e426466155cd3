package io.csms.ocpp.v16;

/** OCPP 1.6 SampledValue: one measured value, kept as the string the charger sent. */
public record SampledValue(
        @Required String value,

        @OneOf({
            "Interruption.Begin",
            "Interruption.End",
            "Sample.Clock",
            "Sample.Periodic",
            "Transaction.Begin",
            "Transaction.End",
            "Trigger",
            "Other"
        })
        String context,

        @OneOf({"Raw", "SignedData"}) String format,

        @OneOf({
            "Energy.Active.Export.Register",
            "Energy.Active.Import.Register",
            "Energy.Reactive.Export.Register",
            "Energy.Reactive.Import.Register",
            "Energy.Active.Export.Interval",
            "Energy.Active.Import.Interval",
            "Energy.Reactive.Export.Interval",
            "Energy.Reactive.Import.Interval",
            "Power.Active.Export",
            "Power.Active.Import",
            "Power.Offered",
            "Power.Reactive.Export",
            "Power.Reactive.Import",
            "Power.Factor",
            "Current.Import",
            "Current.Export",
            "Current.Offered",
            "Voltage",
            "Frequency",
            "Temperature",
            "SoC",
            "RPM"
        })
        String measurand,

        @OneOf({"L1", "L2", "L3", "N", "L1-N", "L2-N", "L3-N", "L1-L2", "L2-L3", "L3-L1"})
        String phase,

        @OneOf({"Cable", "EV", "Inlet", "Outlet", "Body"}) String location,
        // both spellings: "Celcius" is the 1.6 schema's, "Celsius" the errata's (OCPP 1.6 errata: a spelling fix that
        // chargers use both ways)
        @OneOf({
            "Wh",
            "kWh",
            "varh",
            "kvarh",
            "W",
            "kW",
            "VA",
            "kVA",
            "var",
            "kvar",
            "A",
            "V",
            "K",
            "Celcius",
            "Celsius",
            "Fahrenheit",
            "Percent"
        })
        String unit) {}
