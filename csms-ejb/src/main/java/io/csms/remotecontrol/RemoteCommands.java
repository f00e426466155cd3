package io.csms.remotecontrol;

import io.csms.audit.AuditEvent;
import io.csms.audit.AuditTrail;
import io.csms.ocpp.session.CallOutcome;
import io.csms.ocpp.session.ChargerConnections;
import io.csms.ocpp.v16.DataTransferRequest;
import io.csms.ocpp.v16.PayloadValidator;
import io.csms.ocpp.v16.PayloadViolation;
import io.csms.ocpp.v16.outgoing.CancelReservationRequest;
import io.csms.ocpp.v16.outgoing.CertificateSignedRequest;
import io.csms.ocpp.v16.outgoing.ChangeAvailabilityRequest;
import io.csms.ocpp.v16.outgoing.ChangeConfigurationRequest;
import io.csms.ocpp.v16.outgoing.ClearCacheRequest;
import io.csms.ocpp.v16.outgoing.ClearChargingProfileRequest;
import io.csms.ocpp.v16.outgoing.DeleteCertificateRequest;
import io.csms.ocpp.v16.outgoing.ExtendedTriggerMessageRequest;
import io.csms.ocpp.v16.outgoing.GetCompositeScheduleRequest;
import io.csms.ocpp.v16.outgoing.GetConfigurationRequest;
import io.csms.ocpp.v16.outgoing.GetDiagnosticsRequest;
import io.csms.ocpp.v16.outgoing.GetInstalledCertificateIdsRequest;
import io.csms.ocpp.v16.outgoing.GetLocalListVersionRequest;
import io.csms.ocpp.v16.outgoing.GetLogRequest;
import io.csms.ocpp.v16.outgoing.InstallCertificateRequest;
import io.csms.ocpp.v16.outgoing.RemoteStartTransactionRequest;
import io.csms.ocpp.v16.outgoing.RemoteStopTransactionRequest;
import io.csms.ocpp.v16.outgoing.ReserveNowRequest;
import io.csms.ocpp.v16.outgoing.ResetRequest;
import io.csms.ocpp.v16.outgoing.SendLocalListRequest;
import io.csms.ocpp.v16.outgoing.SetChargingProfileRequest;
import io.csms.ocpp.v16.outgoing.SignedUpdateFirmwareRequest;
import io.csms.ocpp.v16.outgoing.TriggerMessageRequest;
import io.csms.ocpp.v16.outgoing.UnlockConnectorRequest;
import io.csms.ocpp.v16.outgoing.UpdateFirmwareRequest;
import io.csms.platform.Failures;
import io.csms.platform.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends a CSMS-initiated OCPP 1.6 operation to a charger and reports what came of it. The payload is
 * checked against the operation's message before anything is sent: a charger never receives a
 * request its schema would reject.
 */
@ApplicationScoped
public class RemoteCommands {

    /** Every operation a CSMS may ask of an OCPP 1.6 charger (core profiles and the security extension). */
    static final Map<String, Class<? extends Record>> OPERATIONS = Map.ofEntries(
            Map.entry("ChangeAvailability", ChangeAvailabilityRequest.class),
            Map.entry("ChangeConfiguration", ChangeConfigurationRequest.class),
            Map.entry("ClearCache", ClearCacheRequest.class),
            Map.entry("DataTransfer", DataTransferRequest.class),
            Map.entry("GetConfiguration", GetConfigurationRequest.class),
            Map.entry("RemoteStartTransaction", RemoteStartTransactionRequest.class),
            Map.entry("RemoteStopTransaction", RemoteStopTransactionRequest.class),
            Map.entry("Reset", ResetRequest.class),
            Map.entry("UnlockConnector", UnlockConnectorRequest.class),
            Map.entry("GetDiagnostics", GetDiagnosticsRequest.class),
            Map.entry("UpdateFirmware", UpdateFirmwareRequest.class),
            Map.entry("GetLocalListVersion", GetLocalListVersionRequest.class),
            Map.entry("SendLocalList", SendLocalListRequest.class),
            Map.entry("ReserveNow", ReserveNowRequest.class),
            Map.entry("CancelReservation", CancelReservationRequest.class),
            Map.entry("SetChargingProfile", SetChargingProfileRequest.class),
            Map.entry("ClearChargingProfile", ClearChargingProfileRequest.class),
            Map.entry("GetCompositeSchedule", GetCompositeScheduleRequest.class),
            Map.entry("TriggerMessage", TriggerMessageRequest.class),
            Map.entry("CertificateSigned", CertificateSignedRequest.class),
            Map.entry("InstallCertificate", InstallCertificateRequest.class),
            Map.entry("DeleteCertificate", DeleteCertificateRequest.class),
            Map.entry("GetInstalledCertificateIds", GetInstalledCertificateIdsRequest.class),
            Map.entry("GetLog", GetLogRequest.class),
            Map.entry("SignedUpdateFirmware", SignedUpdateFirmwareRequest.class),
            Map.entry("ExtendedTriggerMessage", ExtendedTriggerMessageRequest.class));

    @Inject
    ChargerConnections connections;

    @Inject
    AuditTrail audit;

    /** Seconds to wait for a charger's answer before the operation ends as Timeout. */
    @Inject
    @ConfigProperty(name = "csms.ocpp.call-timeout", defaultValue = "30")
    long callTimeout;

    public static boolean isOperation(String action) {
        return OPERATIONS.containsKey(action);
    }

    /** The operations, by name. */
    public static java.util.SortedSet<String> operations() {
        return new java.util.TreeSet<>(OPERATIONS.keySet());
    }

    /** The request record of an operation (what a form for it asks). */
    public static Class<? extends Record> requestOf(String action) {
        return Optional.ofNullable(OPERATIONS.get(action))
                .orElseThrow(() -> new IllegalArgumentException("No OCPP 1.6 operation " + action));
    }

    /**
     * Checks that {@code payload} fits the operation's request, without sending it.
     *
     * @throws PayloadViolation when it does not
     * @throws IllegalArgumentException when {@code action} is no CSMS-initiated OCPP 1.6 operation
     */
    public static void check(String action, JsonObject payload) {
        Class<? extends Record> type = Optional.ofNullable(OPERATIONS.get(action))
                .orElseThrow(() -> new IllegalArgumentException("No OCPP 1.6 operation " + action));
        PayloadValidator.validate(payload, type);
    }

    /**
     * Sends {@code action} with {@code payload} to the charger.
     *
     * @throws PayloadViolation when the payload does not fit the operation's request
     * @throws IllegalArgumentException when {@code action} is no CSMS-initiated OCPP 1.6 operation
     */
    public CompletionStage<CallOutcome> invoke(String chargerId, String action, JsonObject payload) {
        check(action, payload);
        return connections.call(chargerId, action, payload, callTimeout);
    }

    /**
     * An operator's operation: sent like {@link #invoke}, and recorded in the audit trail with its
     * payload (secrets masked, see {@link #redacted}) and what came of it (security review M3).
     */
    public CompletionStage<CallOutcome> invoke(
            String chargerId, String action, JsonObject payload, String operator, String clientAddress) {
        String detail = action + " " + redacted(payload);
        return invoke(chargerId, action, payload)
                .whenComplete((outcome, failure) -> audit.record(new AuditEvent(
                        AuditEvent.ActorType.ACCOUNT,
                        operator,
                        "ocpp.operation." + action,
                        chargerId,
                        outcome instanceof CallOutcome.Answered
                                ? AuditEvent.Outcome.SUCCESS
                                : AuditEvent.Outcome.FAILURE,
                        clientAddress,
                        detail + " → "
                                + (outcome == null
                                        ? Failures.summary(failure)
                                        : outcome.getClass().getSimpleName()))));
    }

    /**
     * The payload as the audit trail keeps it, at every depth: an AuthorizationKey (ChangeConfiguration)
     * masked, the user and password of a URL ({@code ftp://user:secret@host/...}, UpdateFirmware,
     * GetDiagnostics) masked, the token of a file link of ours ({@code /csms/files/<token>}) masked,
     * long values (certificates) cut to their first characters.
     */
    private static final java.util.regex.Pattern USER_INFO = java.util.regex.Pattern.compile("//[^/@\\s]+@");

    private static final java.util.regex.Pattern FILE_TOKEN = java.util.regex.Pattern.compile("/csms/files/[^/?#\\s]+");

    static String redacted(JsonObject payload) {
        String text = masked(payload).toString();
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }

    private static jakarta.json.JsonValue masked(jakarta.json.JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder out = Jsonp.JSON.createObjectBuilder();
            boolean secretKey = object.get("key") instanceof JsonString key
                    && key.getString().equalsIgnoreCase("AuthorizationKey");
            object.forEach((name, inner) ->
                    out.add(name, secretKey && name.equals("value") ? Jsonp.JSON.createValue("***") : masked(inner)));
            return out.build();
        }
        if (value instanceof jakarta.json.JsonArray array) {
            var out = Jsonp.JSON.createArrayBuilder();
            array.forEach(inner -> out.add(masked(inner)));
            return out.build();
        }
        if (value instanceof JsonString json) {
            String text = FILE_TOKEN
                    .matcher(USER_INFO.matcher(json.getString()).replaceAll("//***@"))
                    .replaceAll("/csms/files/***");
            return Jsonp.JSON.createValue(
                    text.length() > 64 ? text.substring(0, 64) + "…(" + text.length() + " characters)" : text);
        }
        return value;
    }
}
