package io.csms.ocpi.console;

import io.csms.chargepoint.Chargers;
import io.csms.chargepoint.Presence;
import io.csms.charging.ChargerCommands;
import io.csms.files.ChargerFiles;
import io.csms.files.FileTransfers;
import io.csms.ocpp.session.CallOutcome;
import io.csms.ocpp.v16.PayloadViolation;
import io.csms.remotecontrol.OperationForm;
import io.csms.remotecontrol.RemoteCommands;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One charger: whether it is connected, its connectors, and any OCPP operation the CSMS may send
 * it, as a form read off the operation's request record ({@link OperationForm}), sent as the
 * operator's (audited, and tracked where it is a start, stop, reservation or unlock) with the
 * charger's answer shown.
 */
@Named
@ViewScoped
public class ChargerPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Chargers chargers;

    @Inject
    Presence presence;

    @Inject
    ChargerCommands commands;

    @Inject
    ConsoleActions actions;

    private String id;
    private boolean found;
    private boolean connected;
    private String registration;
    private List<ConnectorRow> connectors = List.of();

    /** A connector as the page shows it. */
    public record ConnectorRow(int connectorId, String status, String errorCode, String statusAt)
            implements Serializable {}

    /** A configuration key as GetConfiguration answered it. */
    public record ConfigRow(String key, String value, boolean readonly) implements Serializable {}

    private List<ConfigRow> configuration = List.of();
    private List<String> unknownKeys = List.of();

    @Inject
    FileTransfers files;

    @Inject
    ChargerFiles chargerFiles;

    private List<FileTransfers.Firmware> firmware;
    private Long firmwareId;
    private String retrieveAt;
    private boolean signed;

    private String operation = "TriggerMessage";
    private Map<String, String> values = new HashMap<>();
    private String answer;
    private boolean answerIsError;

    public void load() {
        var charger = chargers.find(id);
        found = charger.isPresent();
        if (!found) {
            FacesContext.getCurrentInstance()
                    .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "No charger " + id + ".", null));
            return;
        }
        registration = charger.get().registrationStatus().name();
        connected = presence.isConnected(id);
        connectors = chargers.connectors(id).stream()
                .map(c -> new ConnectorRow(
                        c.connectorId(),
                        c.status(),
                        c.errorCode(),
                        c.statusAt() == null ? "" : c.statusAt().toString()))
                .toList();
    }

    /** Another operation chosen: its form, empty. */
    public void chosen() {
        values = new HashMap<>();
        answer = null;
    }

    /** Sends the operation and shows what the charger answered (waiting at most the call timeout). */
    public void send() {
        JsonObject payload;
        try {
            payload = OperationForm.payload(operation, values);
        } catch (OperationForm.NotAValue e) {
            show("Not sent: " + e.getMessage(), true);
            return;
        }
        await(() -> commands.forOperator(id, operation, payload, actions.actor(), actions.address()));
    }

    /** Tells the charger to install the chosen firmware image, from a URL of ours made for it. */
    public void updateFirmware() {
        if (firmwareId == null) {
            show("Not sent: choose a firmware image", true);
            return;
        }
        java.time.Instant at;
        try {
            at = ConsoleActions.blank(retrieveAt) == null ? null : java.time.Instant.parse(retrieveAt.strip());
        } catch (java.time.format.DateTimeParseException e) {
            show("Not sent: the time to fetch it is a time such as 2026-12-01T02:00:00Z", true);
            return;
        }
        await(() -> chargerFiles.updateFirmware(
                id, firmwareId, at, signed, actions.requestBase(), actions.actor(), actions.address()));
    }

    /** Asks the charger to upload its diagnostics (GetDiagnostics) to a URL of ours. */
    public void requestDiagnostics() {
        await(() -> chargerFiles.requestUpload(
                id, FileTransfers.Kind.DIAGNOSTICS, actions.requestBase(), actions.actor(), actions.address()));
    }

    /** Asks the charger to upload its diagnostics log (GetLog, security extension) to a URL of ours. */
    public void requestLog() {
        await(() -> chargerFiles.requestUpload(
                id, FileTransfers.Kind.LOG, actions.requestBase(), actions.actor(), actions.address()));
    }

    /** Sends what {@code call} sends and shows the charger's answer (a refusal of ours as a message). */
    private void await(java.util.function.Supplier<java.util.concurrent.CompletionStage<CallOutcome>> call) {
        configuration = List.of();
        unknownKeys = List.of();
        try {
            CallOutcome outcome = call.get().toCompletableFuture().get(60, TimeUnit.SECONDS);
            if (outcome instanceof CallOutcome.Answered answered) {
                show(ConsoleActions.pretty(answered.payload()), false);
                if (answered.payload().containsKey("configurationKey")
                        || answered.payload().containsKey("unknownKey")) {
                    table(answered.payload());
                }
            } else if (outcome instanceof CallOutcome.Refused refused) {
                show("The charger answered CALLERROR " + refused.code() + ": " + refused.description(), true);
            } else if (outcome instanceof CallOutcome.Offline offline) {
                show("Not sent: the charger is not connected (" + offline.reason() + ")", true);
            } else {
                show("No answer within " + ((CallOutcome.Timeout) outcome).seconds() + " s", true);
            }
        } catch (PayloadViolation e) {
            show("Not sent: " + e.code() + ": " + e.getMessage(), true);
        } catch (io.csms.platform.Refusal e) {
            show("Not sent: " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            show("Interrupted", true);
        } catch (ExecutionException | TimeoutException e) {
            show("No answer: " + e.getMessage(), true);
        }
        load();
    }

    /** GetConfiguration's answer as rows: key, value, whether it is read-only; and the keys it did not know. */
    private void table(JsonObject answer) {
        List<ConfigRow> rows = new java.util.ArrayList<>();
        for (var value : answer.getJsonArray("configurationKey") == null
                ? List.<jakarta.json.JsonValue>of()
                : answer.getJsonArray("configurationKey")) {
            if (value instanceof JsonObject key) {
                rows.add(new ConfigRow(
                        key.getString("key", ""), key.getString("value", ""), key.getBoolean("readonly", false)));
            }
        }
        rows.sort(java.util.Comparator.comparing(ConfigRow::key));
        configuration = rows;
        unknownKeys = answer.getJsonArray("unknownKey") == null
                ? List.of()
                : answer.getJsonArray("unknownKey").stream()
                        .filter(v -> v instanceof jakarta.json.JsonString)
                        .map(v -> ((jakarta.json.JsonString) v).getString())
                        .toList();
    }

    private void show(String text, boolean error) {
        answer = text;
        answerIsError = error;
    }

    public List<String> getOperations() {
        return List.copyOf(RemoteCommands.operations());
    }

    public List<OperationForm.Field> getFields() {
        return OperationForm.fields(operation);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public boolean isFound() {
        return found;
    }

    public boolean isConnected() {
        return connected;
    }

    public String getRegistration() {
        return registration;
    }

    public List<ConnectorRow> getConnectors() {
        return connectors;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = RemoteCommands.isOperation(operation) ? operation : "TriggerMessage";
    }

    public Map<String, String> getValues() {
        return values;
    }

    public List<ConfigRow> getConfiguration() {
        return configuration;
    }

    public List<String> getUnknownKeys() {
        return unknownKeys;
    }

    public List<FileTransfers.Firmware> getFirmware() {
        if (firmware == null) {
            firmware = files.firmware();
        }
        return firmware;
    }

    public Long getFirmwareId() {
        return firmwareId;
    }

    public void setFirmwareId(Long firmwareId) {
        this.firmwareId = firmwareId;
    }

    public String getRetrieveAt() {
        return retrieveAt;
    }

    public void setRetrieveAt(String retrieveAt) {
        this.retrieveAt = retrieveAt;
    }

    public boolean isSigned() {
        return signed;
    }

    public void setSigned(boolean signed) {
        this.signed = signed;
    }

    public String getAnswer() {
        return answer;
    }

    public boolean isAnswerIsError() {
        return answerIsError;
    }
}
