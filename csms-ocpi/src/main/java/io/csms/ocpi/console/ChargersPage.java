package io.csms.ocpi.console;

import io.csms.chargepoint.Charger;
import io.csms.chargepoint.ChargerRegistration;
import io.csms.chargepoint.ChargerRegistrations;
import io.csms.chargepoint.Chargers;
import io.csms.chargepoint.Presence;
import io.csms.platform.Refusal;
import io.csms.platform.TrustedProxies;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
    TrustedProxies proxies;

    @Inject
    ConsoleSession session;

    /** A charger as the table shows it. */
    public record Row(String id, String registration, int profile, boolean connected, String model, String lastSeen)
            implements Serializable {}

    private List<Row> rows;

    private String id;
    private int profile = 1;
    private String key;
    private String certificateSubject;

    @PostConstruct
    public void load() {
        // newest first: the charger just registered is at the top
        rows = chargers.list(0, 1000).stream()
                .sorted(java.util.Comparator.comparing(Charger::createdAt).reversed())
                .map(c -> new Row(
                        c.id(),
                        c.registrationStatus().name(),
                        c.securityProfile(),
                        presence.isConnected(c.id()),
                        c.vendor() == null ? "" : c.vendor() + " " + (c.model() == null ? "" : c.model()),
                        c.lastSeen() == null ? "" : c.lastSeen().toString()))
                .toList();
    }

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
            error(violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
            return;
        }
        try {
            registrations.register(registration, actor());
        } catch (Refusal e) {
            error(e.getMessage());
            return;
        }
        if (given == null && authorizationKey != null) {
            FacesContext.getCurrentInstance().getAttributes().put(NEW_KEY, authorizationKey);
        }
        info("Charger " + registration.id() + " registered.");
        id = null;
        key = null;
        certificateSubject = null;
        load();
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
                            c -> info("Charger " + chargerId + " is " + status + "."),
                            () -> error("No charger " + chargerId + "."));
        } catch (Refusal e) {
            error(e.getMessage());
        }
        load();
    }

    /** A new AuthorizationKey: 20 random bytes as 40 hex digits (OCPP's longest). */
    private static String newKey() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private ChargerRegistrations.Actor actor() {
        return new ChargerRegistrations.Actor(
                Long.toString(session.getOperator().accountId()), proxies.clientAddress((HttpServletRequest)
                        FacesContext.getCurrentInstance().getExternalContext().getRequest()));
    }

    private static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public List<Row> getRows() {
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
