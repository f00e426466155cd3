package io.csms.chargepoint;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.pki.Pem;
import io.csms.platform.Refusal;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What operators do with chargers' registrations: register, change credentials, delete, accept or
 * reject, and the certificates the CSMS CA issued to them. Each change is audited with what it was
 * before and after (never a secret), and fired as {@link ChargerChanged}: a live connection whose
 * credentials changed is closed, a decision is told to the charger.
 */
@Stateless
public class ChargerRegistrations {

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Event<ChargerChanged> changed;

    /** Who acts, for the audit trail: an account and the address it called from. */
    public record Actor(String account, String address) {}

    /** Registers a charger so that it may connect (Accepted: an operator vouches for it). */
    public Charger register(ChargerRegistration registration, Actor actor) {
        if (em.find(Charger.class, registration.id()) != null) {
            throw new Refusal(
                    Refusal.Kind.CONFLICT, "charger-exists", "Charger " + registration.id() + " is already registered");
        }
        Charger charger = new Charger(registration.id(), Charger.RegistrationStatus.Accepted);
        secure(charger, registration);
        em.persist(charger);
        changed.fire(new ChargerChanged(charger.id(), ChargerChanged.Change.CREATED));
        record(actor, "charger.register", charger.id(), charger.credentialsSummary());
        return charger;
    }

    /** Changes how a registered charger authenticates (a new key, another profile); its live connection is closed. */
    public Optional<Charger> update(ChargerRegistration registration, Actor actor) {
        Charger charger = em.find(Charger.class, registration.id());
        if (charger == null) {
            return Optional.empty();
        }
        String before = charger.credentialsSummary();
        secure(charger, registration);
        changed.fire(new ChargerChanged(charger.id(), ChargerChanged.Change.CREDENTIALS));
        record(
                actor,
                "charger.update",
                charger.id(),
                "before: " + before + "; after: " + charger.credentialsSummary()
                        + (registration.authorizationKey() != null ? " (a new authorizationKey)" : ""));
        return Optional.of(charger);
    }

    /** Deletes a charger; the certificates issued to it are revoked, so the id registered again starts afresh. */
    public boolean delete(String chargerId, Actor actor) {
        Charger charger = em.find(Charger.class, chargerId);
        if (charger == null) {
            return false;
        }
        Instant now = Instant.now();
        certificates(chargerId).forEach(c -> c.revoke(now));
        em.remove(charger);
        changed.fire(new ChargerChanged(chargerId, ChargerChanged.Change.DELETED));
        record(actor, "charger.delete", chargerId, charger.credentialsSummary());
        return true;
    }

    /**
     * An operator decides a charger's registration (e.g. accepts one that booted as Pending under
     * {@code csms.ocpp.unknown-chargers=pending}). A charger without credentials cannot be accepted:
     * whoever knows its id could pose as it. A connected charger is told at once (see
     * {@code ChargerConnections}).
     */
    public Optional<Charger> decide(String chargerId, Charger.RegistrationStatus status, Actor actor) {
        Charger charger = em.find(Charger.class, chargerId);
        if (charger == null) {
            return Optional.empty();
        }
        if (status == Charger.RegistrationStatus.Accepted && !charger.hasCredentials()) {
            throw new Refusal(
                    Refusal.Kind.CONFLICT,
                    "charger-without-credentials",
                    "Charger " + chargerId + " has no credentials yet: give it an AuthorizationKey (PUT, then "
                            + "ChangeConfiguration AuthorizationKey), or security profile 3 and a certificate "
                            + "(ExtendedTriggerMessage SignChargePointCertificate), before accepting it");
        }
        Charger.RegistrationStatus before = charger.registrationStatus();
        charger.registrationStatus(status);
        changed.fire(new ChargerChanged(chargerId, ChargerChanged.Change.REGISTRATION, status));
        record(actor, "charger.registration." + status.name().toLowerCase(), chargerId, "before: " + before);
        return Optional.of(charger);
    }

    /** Keeps a certificate the CSMS CA just issued to the charger, so that it can be listed and revoked. */
    public void issued(String chargerId, X509Certificate certificate) {
        em.persist(new ChargerCertificate(
                certificate.getSerialNumber().toString(16),
                chargerId,
                certificate.getSubjectX500Principal().getName(),
                sha256(certificate),
                certificate.getNotAfter().toInstant(),
                Instant.now()));
        changed.fire(new ChargerChanged(chargerId, ChargerChanged.Change.CERTIFICATES));
        audit.record(new AuditEvent(
                AuditEvent.ActorType.CHARGER,
                chargerId,
                "charger.certificate.issue",
                chargerId,
                AuditEvent.Outcome.SUCCESS,
                null,
                "serial " + certificate.getSerialNumber().toString(16)));
    }

    /** The certificates the CSMS CA issued to the charger, newest first. */
    public List<ChargerCertificate> certificates(String chargerId) {
        return em.createNamedQuery(ChargerCertificate.OF_CHARGER, ChargerCertificate.class)
                .setParameter("charger", chargerId)
                .getResultList();
    }

    /** Revokes one of the charger's certificates: it no longer admits the charger, from the next handshake on. */
    public ChargerCertificate revoke(String chargerId, String serial, Actor actor) {
        ChargerCertificate certificate = Optional.ofNullable(em.find(ChargerCertificate.class, serial.toLowerCase()))
                .filter(c -> c.chargerId().equals(chargerId))
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "unknown-certificate", "No such certificate"));
        certificate.revoke(Instant.now());
        changed.fire(new ChargerChanged(chargerId, ChargerChanged.Change.CERTIFICATES));
        record(actor, "charger.certificate.revoke", chargerId, "serial " + certificate.serial());
        return certificate;
    }

    private void record(Actor actor, String action, String target, String detail) {
        audit.record(new AuditEvent(
                AuditEvent.ActorType.ACCOUNT,
                actor.account(),
                action,
                target,
                AuditEvent.Outcome.SUCCESS,
                actor.address(),
                detail));
    }

    private static void secure(Charger charger, ChargerRegistration registration) {
        boolean keyed = registration.securityProfile() < 3;
        if (keyed && registration.authorizationKey() == null) {
            throw new Refusal(
                    Refusal.Kind.INVALID,
                    "invalid-charger",
                    "Security profile " + registration.securityProfile() + " needs an authorizationKey");
        }
        String ca = registration.certificateCa() == null
                        || registration.certificateCa().isBlank()
                ? null
                : registration.certificateCa().strip();
        if (ca != null) {
            X509Certificate certificate;
            try {
                certificate = Pem.certificate(ca);
            } catch (IllegalArgumentException e) {
                throw new Refusal(
                        Refusal.Kind.INVALID, "invalid-charger", "certificateCa: not a PEM X.509 certificate");
            }
            if (certificate.getBasicConstraints() < 0) {
                throw new Refusal(Refusal.Kind.INVALID, "invalid-charger", "certificateCa: not a CA certificate");
            }
        }
        charger.secure(
                registration.securityProfile(),
                keyed ? AuthorizationKeys.hash(registration.authorizationKey()) : null,
                registration.authorizationKeyHex(),
                registration.certificateSubject(),
                ca);
    }

    private static String sha256(X509Certificate certificate) {
        try {
            return io.csms.platform.RandomTokens.sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
