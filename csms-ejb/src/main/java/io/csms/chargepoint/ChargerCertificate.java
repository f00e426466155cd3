package io.csms.chargepoint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A client certificate the CSMS CA issued to a charger (SignCertificate), kept so that it can be
 * revoked: a revoked one no longer admits the charger, and deleting a charger revokes all of its
 * certificates, so an id registered again later does not inherit them.
 */
@Entity
@Table(name = "charger_certificate")
@NamedQuery(
        name = ChargerCertificate.OF_CHARGER,
        query = "select c from ChargerCertificate c where c.chargerId = :charger order by c.issuedAt desc")
public class ChargerCertificate {

    static final String OF_CHARGER = "ChargerCertificate.ofCharger";

    /** The serial number, lower-case hex. */
    @Id
    private String serial;

    @Column(name = "charger_id", nullable = false)
    private String chargerId;

    @Column(nullable = false)
    private String subject;

    /** SHA-256 of the DER encoding, lower-case hex. */
    @Column(nullable = false)
    private String sha256;

    @Column(name = "not_after", nullable = false)
    private Instant notAfter;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ChargerCertificate() {}

    ChargerCertificate(
            String serial, String chargerId, String subject, String sha256, Instant notAfter, Instant issuedAt) {
        this.serial = serial;
        this.chargerId = chargerId;
        this.subject = subject;
        this.sha256 = sha256;
        this.notAfter = notAfter;
        this.issuedAt = issuedAt;
    }

    void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public String chargerId() {
        return chargerId;
    }

    public String serial() {
        return serial;
    }

    public String subject() {
        return subject;
    }

    public String sha256() {
        return sha256;
    }

    public Instant notAfter() {
        return notAfter;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
