package io.csms.ocpi.console;

import io.csms.chargepoint.Charger;
import io.csms.chargepoint.ChargerRegistration;
import io.csms.chargepoint.ChargerRegistrations;
import io.csms.chargepoint.Chargers;
import io.csms.chargepoint.Connector;
import io.csms.chargepoint.Presence;
import io.csms.platform.Refusal;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The chargers page: every charger with its registration, security profile and whether it is
 * connected now (refreshed live); registering one (its AuthorizationKey given, or made here and shown
 * once); accepting or rejecting one that registered itself (pending). Through {@link
 * ChargerRegistrations}, as the operator API.
 */
@Named
@ViewScoped
public class ChargersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final String NEW_KEY = "console.newChargerKey";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Chargers chargers;

    @Inject
    ChargerRegistrations registrations;

    @Inject
    Presence presence;

    @Inject
    ConsoleActions actions;

    /** A charger as the table shows it; {@code connectors}: each connector's status, in words. */
    public record Row(
            String id,
            String registration,
            int profile,
            boolean connected,
            String connectors,
            String model,
            String lastSeen)
            implements Serializable {}

    /** The chargers, newest first (the charger just registered is at the top), a page at a time from the database. */
    private final LazyDataModel<Row> rows = new LazyDataModel<>() {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(Integer.MAX_VALUE, chargers.countMatching(idFilter(filters)));
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            List<Charger> page = chargers.page(idFilter(filters), order(sort), first, pageSize);
            Map<String, List<Connector>> connectors =
                    chargers.connectorsOf(page.stream().map(Charger::id).toList());
            return page.stream()
                    .map(c -> new Row(
                            c.id(),
                            c.registrationStatus().name(),
                            c.securityProfile(),
                            presence.isConnected(c.id()),
                            connectors.getOrDefault(c.id(), List.of()).stream()
                                    .filter(k -> k.connectorId() > 0)
                                    .map(k -> k.connectorId() + " " + (k.status() == null ? "unknown" : k.status()))
                                    .collect(Collectors.joining(", ")),
                            c.vendor() == null ? "" : c.vendor() + " " + (c.model() == null ? "" : c.model()),
                            c.lastSeen() == null ? "" : c.lastSeen().toString()))
                    .toList();
        }

        @Override
        public String getRowKey(Row row) {
            return row.id();
        }

        @Override
        public Row getRowData(String key) {
            return null;
        }
    };

    /** The table's sort (a click on a column header) as the database's order; newest first by default. */
    private static Chargers.Order order(Map<String, SortMeta> sort) {
        SortMeta by =
                sort == null || sort.isEmpty() ? null : sort.values().iterator().next();
        if (by == null || by.getOrder() == null || by.getOrder().isUnsorted()) {
            return Chargers.Order.NEWEST;
        }
        boolean ascending = by.getOrder().isAscending();
        return switch (by.getField()) {
            case "id" -> ascending ? Chargers.Order.ID : Chargers.Order.ID_DESCENDING;
            case "lastSeen" -> ascending ? Chargers.Order.LAST_SEEN : Chargers.Order.LAST_SEEN_DESCENDING;
            default -> ascending ? Chargers.Order.OLDEST : Chargers.Order.NEWEST;
        };
    }

    private static String idFilter(Map<String, FilterMeta> filters) {
        FilterMeta id = filters == null ? null : filters.get("id");
        return id == null || id.getFilterValue() == null
                ? null
                : id.getFilterValue().toString();
    }

    private String id;
    private int profile = 1;
    private String key;
    private String certificateSubject;

    public void register() {
        String given = key == null || key.isBlank() ? null : key.strip();
        String authorizationKey = given != null || profile == 3 ? given : newKey();
        ChargerRegistration registration = new ChargerRegistration(
                id == null ? null : id.strip(),
                profile,
                authorizationKey,
                false,
                certificateSubject == null || certificateSubject.isBlank() ? null : certificateSubject.strip(),
                null);
        Set<ConstraintViolation<ChargerRegistration>> violations = jakarta.enterprise
                .inject
                .spi
                .CDI
                .current()
                .select(Validator.class)
                .get()
                .validate(registration);
        if (!violations.isEmpty()) {
            ConsoleActions.error(violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
            return;
        }
        try {
            registrations.register(registration, actor());
        } catch (Refusal e) {
            ConsoleActions.error(e.getMessage());
            return;
        }
        if (given == null && authorizationKey != null) {
            FacesContext.getCurrentInstance().getAttributes().put(NEW_KEY, authorizationKey);
        }
        ConsoleActions.info("Charger " + registration.id() + " registered.");
        id = null;
        key = null;
        certificateSubject = null;
    }

    public void accept(String chargerId) {
        decide(chargerId, Charger.RegistrationStatus.Accepted);
    }

    public void reject(String chargerId) {
        decide(chargerId, Charger.RegistrationStatus.Rejected);
    }

    private void decide(String chargerId, Charger.RegistrationStatus status) {
        try {
            registrations
                    .decide(chargerId, status, actor())
                    .ifPresentOrElse(
                            c -> ConsoleActions.info("Charger " + chargerId + " is " + status + "."),
                            () -> ConsoleActions.error("No charger " + chargerId + "."));
        } catch (Refusal e) {
            ConsoleActions.error(e.getMessage());
        }
    }

    /** A new AuthorizationKey: 20 random bytes as 40 hex digits (OCPP's longest). */
    private static String newKey() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private ChargerRegistrations.Actor actor() {
        return new ChargerRegistrations.Actor(actions.actor(), actions.address());
    }

    public LazyDataModel<Row> getRows() {
        return rows;
    }

    public String getNewKey() {
        return (String) FacesContext.getCurrentInstance().getAttributes().get(NEW_KEY);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public int getProfile() {
        return profile;
    }

    public void setProfile(int profile) {
        this.profile = profile;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getCertificateSubject() {
        return certificateSubject;
    }

    public void setCertificateSubject(String certificateSubject) {
        this.certificateSubject = certificateSubject;
    }
}
