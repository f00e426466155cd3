package io.csms.files;

import io.csms.audit.AuditTrail;
import io.csms.platform.RandomTokens;
import io.csms.platform.Refusal;
import io.csms.platform.SqlTimes;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The firmware images and the transfers of files to and from chargers, in PostgreSQL. A transfer's
 * token is returned once, when it is made, and found again by its SHA-256: the URL a charger was
 * given opens its one file until the transfer expires, and an upload URL takes one file.
 */
@Stateless
public class FileTransfers {

    /** Which way a file goes: a firmware image to a charger, diagnostics or a log from one. */
    public enum Kind {
        FIRMWARE,
        DIAGNOSTICS,
        LOG
    }

    /** A firmware image as listed (its content is read only to serve it). */
    public record Firmware(
            long id,
            String name,
            String version,
            long sizeBytes,
            String sha256,
            boolean signed,
            String uploadedBy,
            Instant uploadedAt)
            implements java.io.Serializable {}

    /** A transfer as listed for a charger. */
    public record Transfer(
            long id,
            String chargerId,
            Kind kind,
            Long firmwareId,
            String requestedBy,
            Instant requestedAt,
            Instant expiresAt,
            Instant fetchedAt,
            String fileName,
            Long sizeBytes,
            Instant receivedAt) {}

    /** A new transfer and the token of its URL, which is not kept. */
    public record Offered(long id, String token) {}

    /** A file's bytes with the name to give it. */
    public record Content(String fileName, byte[] bytes) {}

    /** What became of an upload. */
    public enum Received {
        STORED,
        UNKNOWN,
        ALREADY_RECEIVED,
        TOO_LARGE
    }

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** The largest firmware image an admin may upload. */
    @Inject
    @ConfigProperty(name = "csms.files.max-firmware-bytes", defaultValue = "268435456")
    long maxFirmwareBytes;

    /** The largest diagnostics or log file a charger may upload. */
    @Inject
    @ConfigProperty(name = "csms.files.max-upload-bytes", defaultValue = "67108864")
    long maxUploadBytes;

    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    public Firmware upload(
            String name,
            String version,
            byte[] content,
            String signingCertificate,
            String signature,
            String actor,
            String clientAddress) {
        String file = fileName(name);
        if (file == null) {
            throw new Refusal(Refusal.Kind.INVALID, "firmware-name", "A firmware file needs a name");
        }
        if (content == null || content.length == 0) {
            throw new Refusal(Refusal.Kind.INVALID, "firmware-empty", "The firmware file is empty");
        }
        if (content.length > maxFirmwareBytes) {
            throw new Refusal(
                    Refusal.Kind.INVALID,
                    "firmware-too-large",
                    "The firmware file is larger than " + maxFirmwareBytes + " bytes");
        }
        if (version != null && version.length() > 50) {
            throw new Refusal(Refusal.Kind.INVALID, "firmware-version", "A version has at most 50 characters");
        }
        boolean signed = signingCertificate != null && !signingCertificate.isBlank();
        if (signed != (signature != null && !signature.isBlank())) {
            throw new Refusal(
                    Refusal.Kind.INVALID,
                    "firmware-signature",
                    "A signed firmware needs both its signing certificate and its signature");
        }
        if (signed && (signingCertificate.length() > 5500 || signature.length() > 800)) {
            throw new Refusal(
                    Refusal.Kind.INVALID,
                    "firmware-signature",
                    "OCPP limits the signing certificate to 5500 and the signature to 800 characters");
        }
        Instant now = Instant.now();
        String sha256 = RandomTokens.sha256(content);
        long id = ((Number) em.createNativeQuery("""
                insert into firmware_file (name, version, size_bytes, sha256, content, signing_certificate,
                                           signature, uploaded_by, uploaded_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) returning id""")
                        .setParameter(1, file)
                        .setParameter(2, blank(version))
                        .setParameter(3, (long) content.length)
                        .setParameter(4, sha256)
                        .setParameter(5, content)
                        .setParameter(6, signed ? signingCertificate.strip() : null)
                        .setParameter(7, signed ? signature.strip() : null)
                        .setParameter(8, actor)
                        .setParameter(9, now)
                        .getSingleResult())
                .longValue();
        audit.byAccount(actor, "firmware.upload", "firmware:" + id + " " + file + " sha256:" + sha256, clientAddress);
        return new Firmware(id, file, blank(version), content.length, sha256, signed, actor, now);
    }

    public List<Firmware> firmware() {
        List<?> rows = em.createNativeQuery("""
                select id, name, version, size_bytes, sha256, signing_certificate is not null, uploaded_by, uploaded_at
                from firmware_file order by uploaded_at desc, id desc""").setMaxResults(500).getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new Firmware(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        ((Number) r[3]).longValue(),
                        (String) r[4],
                        (Boolean) r[5],
                        (String) r[6],
                        SqlTimes.instant(r[7])))
                .toList();
    }

    /** A firmware image's signing certificate and signature, for SignedUpdateFirmware. */
    public record Signing(String certificate, String signature) {}

    public Optional<Signing> signing(long firmwareId) {
        List<?> rows = em.createNativeQuery(
                        "select signing_certificate, signature from firmware_file where id = ?1 and signature is not null")
                .setParameter(1, firmwareId)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new Signing((String) r[0], (String) r[1]))
                .findFirst();
    }

    public void deleteFirmware(long firmwareId, String actor, String clientAddress) {
        int deleted = em.createNativeQuery("delete from firmware_file where id = ?1")
                .setParameter(1, firmwareId)
                .executeUpdate();
        if (deleted == 0) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "unknown-firmware", "No firmware " + firmwareId);
        }
        audit.byAccount(actor, "firmware.delete", "firmware:" + firmwareId, clientAddress);
    }

    /** A firmware image offered to a charger: its URL's token opens it for {@code validity}. */
    public Offered offerFirmware(String chargerId, long firmwareId, Duration validity, String actor) {
        if (em.createNativeQuery("select 1 from firmware_file where id = ?1")
                .setParameter(1, firmwareId)
                .getResultList()
                .isEmpty()) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "unknown-firmware", "No firmware " + firmwareId);
        }
        return offer(chargerId, Kind.FIRMWARE, firmwareId, validity, actor);
    }

    /** An upload a charger is asked for: its URL's token takes one file within {@code validity}. */
    public Offered expectUpload(String chargerId, Kind kind, Duration validity, String actor) {
        if (kind == Kind.FIRMWARE) {
            throw new IllegalArgumentException("firmware is downloaded, not uploaded");
        }
        return offer(chargerId, kind, null, validity, actor);
    }

    private Offered offer(String chargerId, Kind kind, Long firmwareId, Duration validity, String actor) {
        if (em.createNativeQuery("select 1 from charger where id = ?1")
                .setParameter(1, chargerId)
                .getResultList()
                .isEmpty()) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "unknown-charger", "No charger " + chargerId);
        }
        String token = RandomTokens.random();
        Instant now = Instant.now();
        long id = ((Number) em.createNativeQuery("""
                insert into file_transfer (charger_id, kind, token_hash, firmware_id, requested_by, requested_at,
                                           expires_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7) returning id""")
                        .setParameter(1, chargerId)
                        .setParameter(2, kind.name())
                        .setParameter(3, RandomTokens.sha256(token))
                        .setParameter(4, firmwareId)
                        .setParameter(5, actor)
                        .setParameter(6, now)
                        .setParameter(7, now.plus(validity))
                        .getSingleResult())
                .longValue();
        return new Offered(id, token);
    }

    /** The firmware image a download token opens. */
    public record Image(long firmwareId, String name, long sizeBytes, String sha256) {}

    /** The firmware image a download token opens while it is valid; its first fetch is noted. */
    public Optional<Image> download(String token) {
        List<?> rows = em.createNativeQuery("""
                select t.id, f.id, f.name, f.size_bytes, f.sha256
                from file_transfer t join firmware_file f on f.id = t.firmware_id
                where t.token_hash = ?1 and t.kind = 'FIRMWARE' and t.expires_at > now()""")
                .setParameter(1, RandomTokens.sha256(token))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        em.createNativeQuery("update file_transfer set fetched_at = now() where id = ?1 and fetched_at is null")
                .setParameter(1, ((Number) row[0]).longValue())
                .executeUpdate();
        return Optional.of(new Image(
                ((Number) row[1]).longValue(), (String) row[2], ((Number) row[3]).longValue(), (String) row[4]));
    }

    /** A firmware image's bytes (images never change: a new version is a new upload). */
    public byte[] content(long firmwareId) {
        return (byte[]) em.createNativeQuery("select content from firmware_file where id = ?1")
                .setParameter(1, firmwareId)
                .getSingleResult();
    }

    /**
     * Why an upload token takes no file, checked before a body is read: {@code UNKNOWN} (or expired),
     * {@code ALREADY_RECEIVED}; empty when it expects one.
     */
    public Optional<Received> refusesUpload(String token) {
        List<?> rows = em.createNativeQuery("""
                select received_at is not null from file_transfer
                where token_hash = ?1 and kind <> 'FIRMWARE' and expires_at > now()""")
                .setParameter(1, RandomTokens.sha256(token))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.of(Received.UNKNOWN);
        }
        return Boolean.TRUE.equals(rows.get(0)) ? Optional.of(Received.ALREADY_RECEIVED) : Optional.empty();
    }

    public long maxFirmwareBytes() {
        return maxFirmwareBytes;
    }

    /** A charger's upload: stored once, for an upload token that is valid and has received nothing yet. */
    public Received receive(String token, String fileName, byte[] content) {
        if (content.length > maxUploadBytes) {
            return Received.TOO_LARGE;
        }
        int stored = em.createNativeQuery("""
                update file_transfer set content = ?1, size_bytes = ?2, file_name = coalesce(?3, file_name),
                                         received_at = now()
                where token_hash = ?4 and kind <> 'FIRMWARE' and expires_at > now() and received_at is null""")
                .setParameter(1, content)
                .setParameter(2, (long) content.length)
                .setParameter(3, fileName(fileName))
                .setParameter(4, RandomTokens.sha256(token))
                .executeUpdate();
        if (stored == 1) {
            return Received.STORED;
        }
        return em.createNativeQuery("select 1 from file_transfer where token_hash = ?1 and kind <> 'FIRMWARE'")
                        .setParameter(1, RandomTokens.sha256(token))
                        .getResultList()
                        .isEmpty()
                ? Received.UNKNOWN
                : Received.ALREADY_RECEIVED;
    }

    /** The name the charger gave its file in its answer (GetDiagnostics, GetLog), until one is uploaded. */
    public void named(long transferId, String fileName) {
        em.createNativeQuery("update file_transfer set file_name = ?1 where id = ?2 and received_at is null")
                .setParameter(1, fileName(fileName))
                .setParameter(2, transferId)
                .executeUpdate();
    }

    /** A charger's transfers, newest first. */
    public List<Transfer> ofCharger(String chargerId, int limit) {
        List<?> rows = em.createNativeQuery("""
                select id, charger_id, kind, firmware_id, requested_by, requested_at, expires_at, fetched_at,
                       file_name, size_bytes, received_at
                from file_transfer where charger_id = ?1 order by requested_at desc, id desc""")
                .setParameter(1, chargerId)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new Transfer(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        Kind.valueOf((String) r[2]),
                        r[3] == null ? null : ((Number) r[3]).longValue(),
                        (String) r[4],
                        SqlTimes.instant(r[5]),
                        SqlTimes.instant(r[6]),
                        SqlTimes.instant(r[7]),
                        (String) r[8],
                        r[9] == null ? null : ((Number) r[9]).longValue(),
                        SqlTimes.instant(r[10])))
                .toList();
    }

    /** What a charger uploaded, for an operator to download (audited). */
    public Optional<Content> uploaded(long transferId, String actor, String clientAddress) {
        List<?> rows = em.createNativeQuery("""
                select charger_id, file_name, content from file_transfer
                where id = ?1 and kind <> 'FIRMWARE' and received_at is not null""").setParameter(1, transferId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        audit.byAccount(actor, "file.download", "transfer:" + transferId + " charger:" + row[0], clientAddress);
        String name = row[1] == null ? row[0] + "-" + transferId + ".bin" : (String) row[1];
        return Optional.of(new Content(name, (byte[]) row[2]));
    }

    /** A file name as given, reduced to its last path element of printable characters; null when none is left. */
    static String fileName(String name) {
        if (name == null) {
            return null;
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("[^A-Za-z0-9._+-]", "_");
        if (last.length() > 200) {
            last = last.substring(last.length() - 200);
        }
        return last.isBlank() || last.matches("\\.+") ? null : last;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
