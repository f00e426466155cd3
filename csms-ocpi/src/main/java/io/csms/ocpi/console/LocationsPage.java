package io.csms.ocpi.console;

import io.csms.location.LocationJson;
import io.csms.location.Locations;
import io.csms.platform.OurParty;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The locations partners are given (OCPI Locations), edited in the console. */
@Named
@ViewScoped
public class LocationsPage extends PublishedObjectsPage {

    private static final long serialVersionUID = 1L;

    @Inject
    Locations locations;

    @Inject
    ConsoleActions actions;

    @Inject
    OurParty ours;

    @Override
    protected List<Row> rows() {
        return locations.list(0, 500).stream()
                .map(l -> new Row(
                        l.id(),
                        l.name() == null ? "" : l.name(),
                        l.city() + (Boolean.TRUE.equals(l.publish()) ? ", published" : ", not published") + ", "
                                + (l.evses() == null ? 0 : l.evses().size()) + " EVSEs",
                        l.lastUpdated() == null ? "" : l.lastUpdated().toString()))
                .toList();
    }

    @Override
    protected String jsonOf(String id) {
        return locations.find(id).map(LocationJson::write).orElse(null);
    }

    @Override
    protected String template(String id) {
        return ConsoleActions.pretty("""
                {"id": %s, "publish": true, "name": "", "address": "", "city": "", "postal_code": "",
                 "country": "NLD", "coordinates": {"latitude": "52.370216", "longitude": "4.895168"},
                 "time_zone": "Europe/Amsterdam", "parking_type": "ON_STREET",
                 "evses": [{"uid": %s, "evse_id": "%s*%s*E%s1", "ocpp": {"charge_point_id": "", "connector_id": 1},
                            "connectors": [{"id": "1", "standard": "IEC_62196_T2", "format": "SOCKET",
                                            "power_type": "AC_3_PHASE", "max_voltage": 230, "max_amperage": 32}]}]}
                """.formatted(
                quoted(id), quoted(id + "-1"), ours.countryCode(), ours.partyId(), id.replaceAll("[^A-Za-z0-9]", "")));
    }

    @Override
    protected void save(String id, String json, String actor, String address) {
        locations.put(id, json, actor, address);
    }

    @Override
    protected void delete(String id, String actor, String address) {
        locations.delete(id, actor, address);
    }

    @Override
    protected String noun() {
        return "Location";
    }

    @Override
    protected ConsoleActions actions() {
        return actions;
    }
}
