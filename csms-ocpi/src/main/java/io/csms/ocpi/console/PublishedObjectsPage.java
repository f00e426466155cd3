package io.csms.ocpi.console;

import jakarta.annotation.PostConstruct;
import java.io.Serializable;
import java.util.List;

/**
 * What the locations and the tariffs pages share: the objects roaming partners are given, listed;
 * one of them (or a new one) edited as the OCPI 2.2.1 JSON the operator API takes, checked by the
 * same rules (a message names what is wrong, and nothing changes); deleting one (confirmed). A
 * change reaches the partners through the outbox like one made through the API.
 */
public abstract class PublishedObjectsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** An object as the list shows it. */
    public record Row(String id, String name, String summary, String lastUpdated) implements Serializable {}

    private List<Row> rows = List.of();
    private String editing;
    private boolean creating;
    private String newId;
    private String json;

    /** The objects, at most a few hundred (the operator API pages through all). */
    protected abstract List<Row> rows();

    /** The object's JSON as the operator API returns it, or null when there is none. */
    protected abstract String jsonOf(String id);

    /** A starting point for a new object. */
    protected abstract String template(String id);

    /** Saves {@code json} as object {@code id}; a refusal names what is wrong. */
    protected abstract void save(String id, String json, String actor, String address);

    protected abstract void delete(String id, String actor, String address);

    /** A text as a JSON string, quotes and all (for the templates of new objects). */
    protected static String quoted(String text) {
        return io.csms.platform.Jsonp.JSON.createValue(text).toString();
    }

    /** What the objects are called in messages ("Location", "Tariff"). */
    protected abstract String noun();

    protected abstract ConsoleActions actions();

    @PostConstruct
    public void load() {
        rows = rows();
    }

    public void edit(String id) {
        String found = jsonOf(id);
        if (found == null) {
            ConsoleActions.error("No " + noun().toLowerCase() + " " + id + ".");
            return;
        }
        editing = id;
        creating = false;
        json = ConsoleActions.pretty(found);
    }

    public void create() {
        String id = ConsoleActions.blank(newId);
        if (id == null) {
            ConsoleActions.error("A new " + noun().toLowerCase() + " needs an id.");
            return;
        }
        if (jsonOf(id) != null) {
            ConsoleActions.error(noun() + " " + id + " exists: edit it.");
            return;
        }
        editing = id;
        creating = true;
        json = template(id);
        newId = null;
    }

    public void saveEdited() {
        String id = editing;
        if (id != null
                && actions()
                        .act(
                                () -> save(
                                        id, json, actions().actor(), actions().address()),
                                noun() + " " + id + " saved: partners are told.")) {
            json = ConsoleActions.pretty(jsonOf(id));
            creating = false;
            load();
        }
    }

    public void deleteEdited() {
        String id = editing;
        if (id != null
                && actions()
                        .act(
                                () -> delete(id, actions().actor(), actions().address()),
                                noun() + " " + id + " deleted: partners are told.")) {
            editing = null;
            json = null;
            load();
        }
    }

    public void close() {
        editing = null;
        json = null;
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getEditing() {
        return editing;
    }

    public boolean isCreating() {
        return creating;
    }

    public String getNewId() {
        return newId;
    }

    public void setNewId(String newId) {
        this.newId = newId;
    }

    public String getJson() {
        return json;
    }

    public void setJson(String json) {
        this.json = json;
    }
}
