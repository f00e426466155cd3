package io.csms.ocpi.console;

import io.csms.platform.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * Chart.js configurations for PrimeFaces' {@code p:chart}, as JSON. Colours are the console's own,
 * with enough contrast on white; no animation (a live view redraws every few seconds).
 */
final class Charts {

    private static final String[] COLOURS = {"#1b5fc1", "#b3261e", "#0b6b36", "#8a5300"};

    /** One series of a chart: its label, its values (one per label of the chart) and its axis. */
    record Series(String label, List<? extends Number> values, String axis) {}

    private Charts() {}

    /** Bars per label, each series on its own y axis (left, then right). */
    static String bars(List<String> labels, Series... series) {
        return chart("bar", labels, series);
    }

    /** Lines through the values, each series on its own y axis (left, then right). */
    static String lines(List<String> labels, Series... series) {
        return chart("line", labels, series);
    }

    private static String chart(String type, List<String> labels, Series... series) {
        JsonArrayBuilder datasets = Jsonp.JSON.createArrayBuilder();
        JsonObjectBuilder scales = Jsonp.JSON.createObjectBuilder();
        for (int i = 0; i < series.length; i++) {
            Series s = series[i];
            JsonArrayBuilder values = Jsonp.JSON.createArrayBuilder();
            s.values().forEach(v -> {
                if (v == null || Double.isNaN(v.doubleValue())) {
                    values.addNull();
                } else {
                    values.add(v.doubleValue());
                }
            });
            String colour = COLOURS[i % COLOURS.length];
            datasets.add(Jsonp.JSON
                    .createObjectBuilder()
                    .add("label", s.label())
                    .add("data", values)
                    .add("yAxisID", s.axis())
                    .add("backgroundColor", colour)
                    .add("borderColor", colour)
                    .add("pointRadius", type.equals("line") ? 1 : 0)
                    .add("fill", false));
            scales.add(
                    s.axis(),
                    Jsonp.JSON
                            .createObjectBuilder()
                            .add("type", "linear")
                            .add("position", i == 0 ? "left" : "right")
                            .add("beginAtZero", true)
                            .add(
                                    "title",
                                    Jsonp.JSON
                                            .createObjectBuilder()
                                            .add("display", true)
                                            .add("text", s.label())));
        }
        JsonArrayBuilder labelArray = Jsonp.JSON.createArrayBuilder();
        labels.forEach(labelArray::add);
        return Jsonp.JSON
                .createObjectBuilder()
                .add("type", type)
                .add(
                        "data",
                        Jsonp.JSON
                                .createObjectBuilder()
                                .add("labels", labelArray)
                                .add("datasets", datasets))
                .add(
                        "options",
                        Jsonp.JSON
                                .createObjectBuilder()
                                .add("animation", false)
                                .add("responsive", true)
                                .add("maintainAspectRatio", false)
                                .add("scales", scales))
                .build()
                .toString();
    }
}
