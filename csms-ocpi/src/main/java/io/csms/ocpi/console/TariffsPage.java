package io.csms.ocpi.console;

import io.csms.location.LocationJson;
import io.csms.tariff.Tariffs;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The tariffs partners are given (OCPI Tariffs), edited in the console. */
@Named
@ViewScoped
public class TariffsPage extends PublishedObjectsPage {

    private static final long serialVersionUID = 1L;

    @Inject
    Tariffs tariffs;

    @Inject
    ConsoleActions actions;

    @Override
    protected List<Row> rows() {
        return tariffs.list(0, 500).stream()
                .map(t -> new Row(
                        t.id(),
                        t.type() == null ? "" : t.type().toString(),
                        t.currency() + ", "
                                + (t.elements() == null ? 0 : t.elements().size()) + " elements",
                        t.lastUpdated() == null ? "" : t.lastUpdated().toString()))
                .toList();
    }

    @Override
    protected String jsonOf(String id) {
        return tariffs.find(id).map(LocationJson::write).orElse(null);
    }

    @Override
    protected String template(String id) {
        return ConsoleActions.pretty("""
                {"id": %s, "currency": "EUR", "type": "REGULAR",
                 "elements": [{"price_components": [{"type": "ENERGY", "price": 0.35, "vat": 21.0, "step_size": 1}]}]}
                """.formatted(quoted(id)));
    }

    @Override
    protected void save(String id, String json, String actor, String address) {
        tariffs.put(id, json, actor, address);
    }

    @Override
    protected void delete(String id, String actor, String address) {
        tariffs.delete(id, actor, address);
    }

    @Override
    protected String noun() {
        return "Tariff";
    }

    @Override
    protected ConsoleActions actions() {
        return actions;
    }
}
