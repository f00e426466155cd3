package io.csms.files;

import io.csms.charging.ChargerCommands;
import io.csms.ocpp.session.CallOutcome;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An operator's firmware update or diagnostics/log request: the transfer and its URL are made
 * first (committed before the charger can use them), then UpdateFirmware, SignedUpdateFirmware,
 * GetDiagnostics or GetLog is sent as the operator's, like any operation of the console.
 */
@ApplicationScoped
public class ChargerFiles {

    /** Where chargers reach the file endpoint: {@code <base>/csms/files/<token>}. */
    public static final String PATH = "/csms/files/";

    @Inject
    FileTransfers transfers;

    @Inject
    ChargerCommands commands;

    @Resource
    ManagedExecutorService executor;

    /** The scheme, host and port chargers reach the CSMS at; by default the one the operator's request came to. */
    @Inject
    @ConfigProperty(name = "csms.files.base-url")
    Optional<String> baseUrl;

    /** How long a transfer's URL works after the time the charger was told to begin. */
    @Inject
    @ConfigProperty(name = "csms.files.link-validity", defaultValue = "P7D")
    Duration validity;

    /** UpdateFirmware (or SignedUpdateFirmware, for a signed image) telling the charger to fetch {@code firmwareId}. */
    public CompletionStage<CallOutcome> updateFirmware(
            String chargerId,
            long firmwareId,
            Instant retrieveAt,
            boolean signed,
            String requestBase,
            String operator,
            String clientAddress) {
        String base = base(requestBase);
        Instant now = Instant.now();
        Instant at = retrieveAt == null || retrieveAt.isBefore(now) ? now : retrieveAt;
        Optional<FileTransfers.Signing> signing = signed ? transfers.signing(firmwareId) : Optional.empty();
        if (signed && signing.isEmpty()) {
            throw new io.csms.platform.Refusal(
                    io.csms.platform.Refusal.Kind.INVALID,
                    "firmware-unsigned",
                    "This firmware has no signature: send it with UpdateFirmware");
        }
        FileTransfers.Offered offered = transfers.offerFirmware(
                chargerId, firmwareId, Duration.between(now, at).plus(validity), operator);
        String location = url(base, offered.token()) + "/firmware";
        String when = at.truncatedTo(ChronoUnit.SECONDS).toString();
        JsonObject payload;
        String action;
        if (signing.isPresent()) {
            action = "SignedUpdateFirmware";
            payload = json().add("requestId", requestId(offered))
                    .add(
                            "firmware",
                            json().add("location", location)
                                    .add("retrieveDateTime", when)
                                    .add("signingCertificate", signing.get().certificate())
                                    .add("signature", signing.get().signature()))
                    .build();
        } else {
            action = "UpdateFirmware";
            payload = json().add("location", location).add("retrieveDate", when).build();
        }
        return commands.forOperator(chargerId, action, payload, operator, clientAddress);
    }

    /** GetDiagnostics (or GetLog) asking the charger to upload to a URL of ours; the name it answers is kept. */
    public CompletionStage<CallOutcome> requestUpload(
            String chargerId, FileTransfers.Kind kind, String requestBase, String operator, String clientAddress) {
        String base = base(requestBase);
        FileTransfers.Offered offered = transfers.expectUpload(chargerId, kind, validity, operator);
        String location = url(base, offered.token());
        JsonObject payload;
        String action;
        String nameField;
        if (kind == FileTransfers.Kind.LOG) {
            action = "GetLog";
            nameField = "filename";
            payload = json().add("logType", "DiagnosticsLog")
                    .add("requestId", requestId(offered))
                    .add("log", json().add("remoteLocation", location))
                    .build();
        } else {
            action = "GetDiagnostics";
            nameField = "fileName";
            payload = json().add("location", location).build();
        }
        return commands.forOperator(chargerId, action, payload, operator, clientAddress)
                .thenApplyAsync(
                        outcome -> {
                            // on a managed thread: the socket's thread never waits on the database
                            if (outcome instanceof CallOutcome.Answered answered
                                    && answered.payload().containsKey(nameField)) {
                                transfers.named(offered.id(), answered.payload().getString(nameField, null));
                            }
                            return outcome;
                        },
                        executor);
    }

    @Inject
    io.csms.platform.Environment environment;

    /** Where chargers reach the file endpoint, checked before any transfer is made. */
    private String base(String requestBase) {
        if (baseUrl.filter(b -> !b.isBlank()).isEmpty() && environment.production()) {
            // an operator's browser may reach the CSMS at an address chargers cannot, or not over TLS
            throw new io.csms.platform.Refusal(
                    io.csms.platform.Refusal.Kind.CONFLICT,
                    "files-base-url",
                    "Set csms.files.base-url to the URL chargers reach the CSMS at (e.g. https://csms.example.com)");
        }
        return baseUrl.filter(b -> !b.isBlank()).orElse(requestBase).replaceAll("/+$", "");
    }

    private static String url(String base, String token) {
        return base + PATH + token;
    }

    /** OCPP's request ids are integers: the transfer's id (an identity far below 2^31). */
    private static int requestId(FileTransfers.Offered offered) {
        return Math.toIntExact(offered.id());
    }

    private static JsonObjectBuilder json() {
        return io.csms.platform.Jsonp.JSON.createObjectBuilder();
    }
}
