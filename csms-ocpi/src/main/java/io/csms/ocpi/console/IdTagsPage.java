package io.csms.ocpi.console;

import io.csms.authorization.IdTag;
import io.csms.authorization.IdTags;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The id tags page: the RFID tags chargers authorize (operators' own, and drivers' cards), a new
 * operator's tag, blocking and unblocking; through {@link IdTags}, as the operator API.
 */
@Named
@ViewScoped
public class IdTagsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The largest CSV file imported at once, as the operator API's import. */
    static final long MAX_CSV_BYTES = 2_000_000;

    @Inject
    IdTags idTags;

    @Inject
    ConsoleActions actions;

    /** Shows the tags starting with the search field's text (the table reads them when it is rendered). */
    public void search() {
        // the prefix is set by the form; the lazy table reads its first page with it
    }

    /** A tag as the table shows it. */
    public record Row(String idTag, String kind, String status, String expiry, String parent, String label)
            implements Serializable {

        public boolean blocked() {
            return "Blocked".equals(status);
        }
    }

    /** The tags, a page at a time from the database, in id order (either way: a click on the header). */
    private final LazyDataModel<Row> rows = new LazyDataModel<>() {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(Integer.MAX_VALUE, idTags.count(searched()));
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            boolean ascending = sort == null
                    || sort.isEmpty()
                    || !sort.values().iterator().next().getOrder().isDescending();
            return idTags.list(searched(), ascending, first, pageSize).stream()
                    .map(IdTagsPage::row)
                    .toList();
        }

        @Override
        public String getRowKey(Row row) {
            return row.idTag();
        }

        @Override
        public Row getRowData(String key) {
            return null;
        }
    };

    private String prefix;

    private String searched() {
        return prefix == null || prefix.isBlank() ? null : prefix.strip();
    }

    private transient jakarta.servlet.http.Part csv;

    private String idTag;
    private String expiryDate;
    private String parentIdTag;
    private String label;

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
        if (csv.getSize() > MAX_CSV_BYTES) {
            ConsoleActions.error("The file is larger than " + MAX_CSV_BYTES + " bytes: import it in parts.");
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

    public LazyDataModel<Row> getRows() {
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
    }
}
