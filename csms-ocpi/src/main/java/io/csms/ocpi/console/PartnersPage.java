package io.csms.ocpi.console;

import io.csms.ocpi.BaseUrl;
import io.csms.platform.Refusal;
import io.csms.roaming.Partner;
import io.csms.roaming.Partners;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The partners page: the roaming partners with their standing, and a new partner, whose
 * registration token (token A) and our versions URL are shown this once, to hand over out of band.
 * Everything goes through {@link Partners}, as the operator API does.
 */
@Named
@ViewScoped
public class PartnersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Partners partners;

    @Inject
    BaseUrl baseUrl;

    @Inject
    ConsoleActions actions;

    /** A partner as the table shows it (a bean: Faces 4.0's EL reads no record accessors). */
    public static final class Row implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long id;
        private final String name;
        private final String parties;
        private final String status;
        private final String version;
        private final String connection;
        private final String lastContact;
        private final String modules;

        Row(Partner p) {
            id = p.id();
            name = p.name();
            parties = String.join(
                    ", ", p.parties().stream().map(Object::toString).sorted().toList());
            status = p.status().name();
            version = p.version() == null ? "" : p.version();
            connection = p.connectionStatus() == null ? "" : p.connectionStatus();
            lastContact = p.lastContactAt() == null ? "" : p.lastContactAt().toString();
            modules = String.join(", ", p.allowedModules().stream().sorted().toList());
        }

        public long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getParties() {
            return parties;
        }

        public String getStatus() {
            return status;
        }

        public String getVersion() {
            return version;
        }

        public String getConnection() {
            return connection;
        }

        public String getLastContact() {
            return lastContact;
        }

        public String getModules() {
            return modules;
        }
    }

    private List<Row> rows;

    private String name;
    private String countryCode;
    private String partyId;
    private String role = "EMSP";

    /** A new partner's token A and the like live in this answer only: never rendered again. */
    private static final String CREATED = "console.createdPartner";

    private record Created(String name, String token, String versionsUrl) {}

    @PostConstruct
    void load() {
        // newest first: the partner just made is at the top
        rows = partners.list().stream()
                .sorted(java.util.Comparator.comparing(Partner::id).reversed())
                .map(Row::new)
                .toList();
    }

    /** Creates the partner: its token A and our versions URL are shown once. */
    public void create() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            Partners.Created created = partners.create(
                    new Partners.Settings(
                            name,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            Set.of(new Partner.Party(
                                    countryCode == null
                                            ? null
                                            : countryCode.strip().toUpperCase(Locale.ROOT),
                                    partyId == null ? null : partyId.strip().toUpperCase(Locale.ROOT),
                                    Partner.Role.valueOf(role))),
                            null,
                            null),
                    actions.actor());
            faces.getAttributes()
                    .put(
                            CREATED,
                            new Created(
                                    created.partner().name(),
                                    created.registrationToken(),
                                    baseUrl.versions((HttpServletRequest)
                                            faces.getExternalContext().getRequest())));
            name = null;
            countryCode = null;
            partyId = null;
            load();
            faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_INFO,
                            "Partner " + created.partner().name()
                                    + " created. Hand its token A over now: it is not shown again.",
                            null));
        } catch (Refusal | IllegalArgumentException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    /** After the token A was noted: the page is rendered again, without it. */
    public void dismissToken() {}

    private static java.util.Optional<Created> created() {
        return java.util.Optional.ofNullable(
                (Created) FacesContext.getCurrentInstance().getAttributes().get(CREATED));
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<String> getRoles() {
        return java.util.Arrays.stream(Partner.Role.values()).map(Enum::name).toList();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(String countryCode) {
        this.countryCode = countryCode;
    }

    public String getPartyId() {
        return partyId;
    }

    public void setPartyId(String partyId) {
        this.partyId = partyId;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getCreatedToken() {
        return created().map(Created::token).orElse(null);
    }

    public String getCreatedVersionsUrl() {
        return created().map(Created::versionsUrl).orElse(null);
    }

    public String getCreatedName() {
        return created().map(Created::name).orElse(null);
    }
}
