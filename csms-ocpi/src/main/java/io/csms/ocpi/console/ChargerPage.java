package io.csms.ocpi.console;

import io.csms.chargepoint.Chargers;
import io.csms.chargepoint.Presence;
import io.csms.charging.ChargerCommands;
import io.csms.ocpp.session.CallOutcome;
import io.csms.ocpp.v16.PayloadViolation;
import io.csms.platform.TrustedProxies;
import io.csms.remotecontrol.OperationForm;
import io.csms.remotecontrol.RemoteCommands;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.io.StringWriter;
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
    TrustedProxies proxies;

    @Inject
    ConsoleSession session;

    private String id;
    private boolean found;
    private boolean connected;
    private String registration;
    private List<ConnectorRow> connectors = List.of();

    /** A connector as the page shows it. */
    public record ConnectorRow(int connectorId, String status, String errorCode, String statusAt)
            implements Serializable {}

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
        try {
            CallOutcome outcome = commands.forOperator(
                            id,
                            operation,
                            payload,
                            Long.toString(session.getOperator().accountId()),
                            proxies.clientAddress((HttpServletRequest) FacesContext.getCurrentInstance()
                                    .getExternalContext()
                                    .getRequest()))
                    .toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
            if (outcome instanceof CallOutcome.Answered answered) {
                show(pretty(answered.payload()), false);
            } else if (outcome instanceof CallOutcome.Refused refused) {
                show("The charger answered CALLERROR " + refused.code() + ": " + refused.description(), true);
            } else if (outcome instanceof CallOutcome.Offline offline) {
                show("Not sent: the charger is not connected (" + offline.reason() + ")", true);
            } else {
                show("No answer within " + ((CallOutcome.Timeout) outcome).seconds() + " s", true);
            }
        } catch (PayloadViolation e) {
            show("Not sent: " + e.code() + ": " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            show("Interrupted", true);
        } catch (ExecutionException | TimeoutException e) {
            show("No answer: " + e.getMessage(), true);
        }
        load();
    }

    private void show(String text, boolean error) {
        answer = text;
        answerIsError = error;
    }

    private static final jakarta.json.JsonWriterFactory PRETTY =
            io.csms.platform.Jsonp.JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private static String pretty(JsonObject json) {
        StringWriter out = new StringWriter();
        try (var writer = PRETTY.createWriter(out)) {
            writer.writeObject(json);
        }
        return out.toString().strip();
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

    public String getAnswer() {
        return answer;
    }

    public boolean isAnswerIsError() {
        return answerIsError;
    }
}
