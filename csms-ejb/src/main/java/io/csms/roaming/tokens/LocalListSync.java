package io.csms.roaming.tokens;

import io.csms.ocpp.session.CallOutcome;
import io.csms.ocpp.session.ChargerConnections;
import io.csms.platform.Jsonp;
import io.csms.remotecontrol.RemoteCommands;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings chargers' local authorization lists up to date ({@link LocalLists} says what they should
 * hold): every two seconds, for each pending list of a charger connected here, it reads the charger's {@code LocalPreAuthorize}, {@code
 * LocalAuthListEnabled} and {@code SendLocalListMaxLength} (GetConfiguration), then sends the
 * differences as differential SendLocalList updates of at most that many entries, each one list
 * version up. A charger that answers VersionMismatch or Failed gets the whole list (a full update,
 * then differential ones); one that answers NotSupported, or has its list disabled, is left alone
 * (the admin sees why). The charger's answers are awaited on no thread; the database is written on
 * managed threads, never on a socket's.
 */
// created at deployment: a singleton first created by its timer while the module stops breaks
// Payara's shutdown of the module (ConcurrentModificationException in SingletonLifeCycleManager)
@Startup
@Singleton
public class LocalListSync {

    private static final Logger LOG = Logger.getLogger(LocalListSync.class.getName());

    /** Entries per SendLocalList when the charger does not say (SendLocalListMaxLength). */
    static final int DEFAULT_CHUNK = 100;

    @Resource
    ManagedExecutorService executor;

    @Inject
    LocalLists lists;

    @Inject
    RemoteCommands remote;

    @Inject
    ChargerConnections connections;

    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Polls and syncs under way: the application is not taken down under them. */
    private final AtomicInteger running = new AtomicInteger();

    /** After a failed poll (database away), no poll before this {@link System#nanoTime()}. */
    private volatile long quietUntil = System.nanoTime();

    /**
     * Waits (at most 10 s) for the syncs under way before the module goes down, as the push worker
     * does; a list not brought up to date stays pending.
     */
    @PreDestroy
    void stop() {
        stopping.set(true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (running.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Every two seconds, on an EJB timer as the other sweeps of the core: the container stops it
     * before the module goes down (a task of the managed scheduled executor ran on into an
     * undeployment, called beans being torn down and left that executor's one thread broken, with
     * every other scheduled task on it).
     */
    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void poll() {
        running.incrementAndGet();
        try {
            if (stopping.get() || System.nanoTime() - quietUntil < 0) {
                return;
            }
            List<String> due;
            try {
                due = lists.due();
            } catch (RuntimeException e) {
                // the database is away: ask again in a few seconds, not every poll
                quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                LOG.log(Level.FINE, "Local lists not readable: {0}", e.toString());
                return;
            }
            for (String chargerId : due) {
                if (!stopping.get() && connections.isConnected(chargerId) && busy.add(chargerId)) {
                    running.incrementAndGet();
                    try {
                        lists.begin(chargerId);
                        sync(chargerId)
                                .exceptionallyAsync(
                                        e -> {
                                            // tried again at the next poll
                                            LOG.log(Level.WARNING, "Local list of " + chargerId + " not synced", e);
                                            lists.synced(
                                                    chargerId,
                                                    false,
                                                    "failed: " + e.getClass().getSimpleName());
                                            return "failed";
                                        },
                                        executor)
                                .whenComplete((result, e) -> {
                                    busy.remove(chargerId);
                                    running.decrementAndGet();
                                });
                    } catch (RuntimeException e) {
                        busy.remove(chargerId);
                        running.decrementAndGet();
                        LOG.log(Level.WARNING, "Local list of " + chargerId + " not synced", e);
                    }
                }
            }
        } finally {
            running.decrementAndGet();
        }
    }

    /** The charger's settings that decide its list. */
    record Settings(boolean localPreAuthorize, boolean listEnabled, int chunk) {}

    private CompletionStage<String> sync(String chargerId) {
        JsonObject ask = Jsonp.JSON
                .createObjectBuilder()
                .add(
                        "key",
                        Jsonp.JSON
                                .createArrayBuilder()
                                .add("LocalPreAuthorize")
                                .add("LocalAuthListEnabled")
                                .add("SendLocalListMaxLength"))
                .build();
        return remote.invoke(chargerId, "GetConfiguration", ask)
                .thenComposeAsync(
                        outcome -> {
                            if (!(outcome instanceof CallOutcome.Answered answered)) {
                                return finish(chargerId, false, "GetConfiguration: " + describe(outcome));
                            }
                            Settings settings = settings(answered.payload());
                            if (!settings.listEnabled()) {
                                return finish(chargerId, true, "LocalAuthListEnabled is false on the charger");
                            }
                            return send(
                                    chargerId, lists.plan(chargerId, settings.localPreAuthorize(), false), settings);
                        },
                        executor);
    }

    /** The plan's updates, one after another; a mismatch of versions starts over with the whole list. */
    private CompletionStage<String> send(String chargerId, LocalLists.Plan plan, Settings settings) {
        if (plan.empty()) {
            return finish(chargerId, true, "up to date, version " + plan.version());
        }
        List<Update> updates = updates(plan, settings.chunk());
        return next(chargerId, updates, 0, plan.version() == null ? 0 : plan.version(), plan.full(), settings);
    }

    /** One SendLocalList: its update type, entries to set and id tags to remove. */
    record Update(boolean full, List<LocalLists.Entry> upserts, List<String> removals) {}

    /** The plan in updates of at most {@code chunk} entries; a full plan's first one is the full update (perhaps empty). */
    static List<Update> updates(LocalLists.Plan plan, int chunk) {
        List<Object> items = new ArrayList<>(plan.upserts());
        items.addAll(plan.removals());
        int size = Math.max(1, chunk);
        List<Update> updates = new ArrayList<>();
        int from = 0;
        do {
            List<LocalLists.Entry> upserts = new ArrayList<>();
            List<String> removals = new ArrayList<>();
            for (Object item : items.subList(from, Math.min(items.size(), from + size))) {
                if (item instanceof LocalLists.Entry entry) {
                    upserts.add(entry);
                } else {
                    removals.add((String) item);
                }
            }
            updates.add(new Update(plan.full() && from == 0, upserts, removals));
            from += size;
        } while (from < items.size());
        return updates;
    }

    private CompletionStage<String> next(
            String chargerId, List<Update> updates, int index, int version, boolean wasFull, Settings settings) {
        if (index == updates.size()) {
            return finish(chargerId, true, "version " + version + " accepted");
        }
        Update update = updates.get(index);
        int nextVersion = version + 1;
        return remote.invoke(chargerId, "SendLocalList", payload(update, nextVersion))
                .thenComposeAsync(
                        outcome -> {
                            String status = outcome instanceof CallOutcome.Answered answered
                                    ? answered.payload().getString("status", "")
                                    : null;
                            if ("Accepted".equals(status)) {
                                lists.applied(
                                        chargerId, nextVersion, update.full(), update.upserts(), update.removals());
                                return next(chargerId, updates, index + 1, nextVersion, wasFull, settings);
                            }
                            if (("VersionMismatch".equals(status) || "Failed".equals(status)) && !wasFull) {
                                LOG.info(() -> "Charger " + chargerId + " answered " + status
                                        + " to a differential local list update: sending the whole list");
                                return send(
                                        chargerId, lists.plan(chargerId, settings.localPreAuthorize(), true), settings);
                            }
                            if ("NotSupported".equals(status)) {
                                return finish(chargerId, true, "NotSupported: the charger has no local list");
                            }
                            return finish(
                                    chargerId,
                                    false,
                                    "SendLocalList: " + (status != null ? status : describe(outcome)));
                        },
                        executor);
    }

    private static JsonObject payload(Update update, int version) {
        JsonArrayBuilder entries = Jsonp.JSON.createArrayBuilder();
        for (LocalLists.Entry e : update.upserts()) {
            JsonObjectBuilder info = Jsonp.JSON.createObjectBuilder().add("status", e.status());
            if (e.parentIdTag() != null) {
                info.add("parentIdTag", e.parentIdTag());
            }
            entries.add(Jsonp.JSON.createObjectBuilder().add("idTag", e.idTag()).add("idTagInfo", info));
        }
        for (String removed : update.removals()) {
            entries.add(Jsonp.JSON.createObjectBuilder().add("idTag", removed));
        }
        return Jsonp.JSON
                .createObjectBuilder()
                .add("listVersion", version)
                .add("updateType", update.full() ? "Full" : "Differential")
                .add("localAuthorizationList", entries)
                .build();
    }

    /** From GetConfiguration.conf: unknown keys count as OCPP's cautious reading (pre-authorizing, list on). */
    static Settings settings(JsonObject configuration) {
        boolean preAuthorize = true;
        boolean enabled = true;
        int chunk = DEFAULT_CHUNK;
        JsonValue keys = configuration.get("configurationKey");
        if (keys != null && keys.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue value : keys.asJsonArray()) {
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    continue;
                }
                JsonObject key = value.asJsonObject();
                String text = key.getString("value", "").strip();
                switch (key.getString("key", "")) {
                    case "LocalPreAuthorize" -> preAuthorize = !text.equalsIgnoreCase("false");
                    case "LocalAuthListEnabled" -> enabled = !text.equalsIgnoreCase("false");
                    case "SendLocalListMaxLength" -> {
                        try {
                            chunk = Math.max(1, Integer.parseInt(text));
                        } catch (NumberFormatException e) {
                            chunk = DEFAULT_CHUNK;
                        }
                    }
                    default -> {}
                }
            }
        }
        return new Settings(preAuthorize, enabled, chunk);
    }

    private CompletionStage<String> finish(String chargerId, boolean done, String result) {
        lists.synced(chargerId, done, result);
        return CompletableFuture.completedFuture(result);
    }

    private static String describe(CallOutcome outcome) {
        if (outcome instanceof CallOutcome.Answered a) {
            return "answered " + a.payload();
        }
        if (outcome instanceof CallOutcome.Refused r) {
            return "CALLERROR " + r.code();
        }
        if (outcome instanceof CallOutcome.Timeout t) {
            return "no answer within " + t.seconds() + " s";
        }
        return "offline";
    }
}
