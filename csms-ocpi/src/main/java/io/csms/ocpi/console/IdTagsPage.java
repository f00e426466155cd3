package io.csms.ocpi.console;

import io.csms.authorization.IdTag;
import io.csms.authorization.IdTags;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The id tags page: the RFID tags chargers authorize (operators' own, and drivers' cards), a new
 * operator's tag, blocking and unblocking; through {@link IdTags}, as the operator API.
 */
@Named
@ViewScoped
public class IdTagsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    IdTags idTags;

    @Inject
    ConsoleActions actions;

    /** Shows the tags starting with the search field's text. */
    public void search() {
        load();
    }

    /** A tag as the table shows it. */
    public record Row(String idTag, String kind, String status, String expiry, String parent, String label)
            implements Serializable {

        public boolean blocked() {
            return "Blocked".equals(status);
        }
    }

    private List<Row> rows;
    private String prefix;
    private transient jakarta.servlet.http.Part csv;

    private String idTag;
    private String expiryDate;
    private String parentIdTag;
    private String label;

    @PostConstruct
    public void load() {
        rows = idTags.list(prefix == null ? null : prefix.strip(), 0, 500).stream()
                .map(IdTagsPage::row)
                .toList();
    }

    private static Row row(IdTag t) {
        return new Row(
                t.idTag(),
                t.kind(),
                t.status(),
                t.expiryDate() == null ? "" : t.expiryDate().toString(),
                t.parentIdTag() == null ? "" : t.parentIdTag(),
                t.label() == null ? "" : t.label());
    }

    public void register() {
        // the table then shows the tag just made
        prefix = idTag == null ? null : idTag.strip();
        act(
                () -> idTags.register(
                        idTag == null ? null : idTag.strip(),
                        new IdTags.Settings(
                                "Accepted",
                                ConsoleActions.blank(expiryDate),
                                ConsoleActions.blank(parentIdTag),
                                ConsoleActions.blank(label)),
                        actions.actor(),
                        actions.address()),
                "Id tag " + idTag + " registered.");
        idTag = null;
        expiryDate = null;
        parentIdTag = null;
        label = null;
    }

    /** Imports the uploaded CSV file: all its tags, or none and the lines that are wrong. */
    public void importCsv() {
        if (csv == null || csv.getSize() == 0) {
            ConsoleActions.error("Choose a CSV file.");
            return;
        }
        String text;
        try (var in = csv.getInputStream()) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            ConsoleActions.error("The file could not be read: " + e.getMessage());
            return;
        }
        try {
            IdTags.Imported imported = idTags.importCsv(text, actions.actor(), actions.address());
            ConsoleActions.info(
                    "Imported: " + imported.registered() + " id tags registered, " + imported.changed() + " changed.");
        } catch (io.csms.platform.Refusal e) {
            ConsoleActions.error(e.getMessage());
        }
        load();
    }

    public jakarta.servlet.http.Part getCsv() {
        return csv;
    }

    public void setCsv(jakarta.servlet.http.Part csv) {
        this.csv = csv;
    }

    /** Puts a tag's settings into the form, to change them. */
    public void edit(String tag) {
        idTags.find(tag).ifPresent(t -> {
            idTag = t.idTag();
            expiryDate = t.expiryDate() == null ? null : t.expiryDate().toString();
            parentIdTag = t.parentIdTag();
            label = t.label();
        });
    }

    /** Saves the form's expiry, parent and label on the existing tag it names (an empty field clears it). */
    public void change() {
        String tag = idTag == null ? null : idTag.strip();
        prefix = tag;
        act(
                () -> idTags.change(
                        tag,
                        new IdTags.Settings(
                                null,
                                expiryDate == null ? "" : expiryDate.strip(),
                                parentIdTag == null ? "" : parentIdTag.strip(),
                                label == null ? "" : label.strip()),
                        actions.actor(),
                        actions.address()),
                "Id tag " + tag + " changed.");
    }

    public void block(String tag) {
        act(
                () -> idTags.change(
                        tag, new IdTags.Settings("Blocked", null, null, null), actions.actor(), actions.address()),
                "Id tag " + tag + " blocked.");
    }

    public void unblock(String tag) {
        act(
                () -> idTags.change(
                        tag, new IdTags.Settings("Accepted", null, null, null), actions.actor(), actions.address()),
                "Id tag " + tag + " accepted again.");
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getIdTag() {
        return idTag;
    }

    public void setIdTag(String idTag) {
        this.idTag = idTag;
    }

    public String getExpiryDate() {
        return expiryDate;
    }

    public void setExpiryDate(String expiryDate) {
        this.expiryDate = expiryDate;
    }

    public String getParentIdTag() {
        return parentIdTag;
    }

    public void setParentIdTag(String parentIdTag) {
        this.parentIdTag = parentIdTag;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    private void act(Runnable action, String done) {
        actions.act(action, done);
        load();
    }
}
