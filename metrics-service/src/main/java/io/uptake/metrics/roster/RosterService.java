package io.uptake.metrics.roster;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.Problem;
import io.uptake.platform.outbox.Outbox;
import io.uptake.platform.outbox.OutboxTrace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

@ApplicationScoped
public class RosterService {

    static final List<String> COLUMNS = List.of(
            "userId",
            "displayName",
            "email",
            "businessUnit",
            "jobRole",
            "managerId",
            "executive",
            "active",
            "salesforceId");

    /** Some roster fields of one person, to change (the others keep their values). */
    public record Patch(String userId, Map<String, Object> fields) {}

    /** What became of a patch: saved (no errors) or not, with each problem named by its roster field. */
    public record Patched(String userId, List<Problem.FieldError> errors) {}

    /** The result of one PUT: the entry as stored and whether it is new. */
    public record Saved(PersonView person, boolean created) {}

    private final RosterStore store;
    private final Outbox outbox;

    public RosterService(RosterStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    /** One person's entry, with their ids in other systems; null when not on the roster. */
    public Uni<PersonView> find(String userId) {
        return store.find(userId)
                .flatMap(person -> person == null
                        ? Uni.createFrom().nullItem()
                        : store.externalIds(userId).map(person::withExternalIds));
    }

    /** Every Salesforce user id on the roster (15-character form) and whose it is. */
    public Uni<Map<String, String>> salesforceIds() {
        return store.salesforceIds();
    }

    /** Who other than {@code userId} has this Salesforce user id (15-character form), or null. */
    public Uni<String> ownerOfSalesforceId(String salesforceId, String userId) {
        return store.ownerOf("salesforce", salesforceId, userId);
    }

    /** Sets (or with null, clears) a person's Salesforce user id, in its 15-character form. */
    public Uni<Void> setSalesforceId(String userId, String salesforceId) {
        return store.setExternalId(userId, "salesforce", salesforceId);
    }

    /**
     * Puts the entry; {@code externalIds} ({@code {"salesforce": "005…"}}), when sent, sets the person's ids in other
     * systems ({@code null} clears one), each id belonging to one person.
     */
    public Uni<Saved> put(String userId, JsonNode body) {
        String traceparent = OutboxTrace.current();
        Map<String, Object> row = fields(body);
        row.put("userId", userId);
        PersonValidator.Outcome outcome = PersonValidator.validate(row);
        ExternalIds.Outcome ids = ExternalIds.read(body == null ? null : body.get("externalIds"));
        if (!outcome.valid() || !ids.errors().isEmpty()) {
            List<Problem.FieldError> errors = new ArrayList<>(outcome.errors());
            errors.addAll(ids.errors());
            return Uni.createFrom().failure(new InvalidInput(errors));
        }
        return checkOwners(userId, ids.ids())
                .flatMap(checked -> store.upsert(List.of(outcome.entry()), traceparent))
                .invoke(outbox::runSoon)
                .call(changes -> setExternalIds(userId, ids.ids()))
                .flatMap(changes -> find(userId).map(stored -> new Saved(stored, changes.created() == 1)));
    }

    private Uni<Void> checkOwners(String userId, Map<String, String> ids) {
        Uni<Void> checked = Uni.createFrom().voidItem();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            if (id.getValue() != null) {
                checked = checked.call(ignored -> store.ownerOf(id.getKey(), id.getValue(), userId)
                        .invoke(owner -> {
                            if (owner != null) {
                                throw new InvalidInput(
                                        "externalIds." + id.getKey(),
                                        "is already the id of " + owner + " on the roster");
                            }
                        }));
            }
        }
        return checked;
    }

    private Uni<Void> setExternalIds(String userId, Map<String, String> ids) {
        Uni<Void> set = Uni.createFrom().voidItem();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            set = set.call(ignored -> store.setExternalId(userId, id.getKey(), id.getValue()));
        }
        return set;
    }

    /**
     * Changes some fields of each person, in order (later patches of the same person see the earlier ones); a person
     * not yet on the roster needs every required field. The valid patches are saved together, and published as any
     * roster change.
     */
    public Uni<List<Patched>> patch(List<Patch> patches) {
        if (patches.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String traceparent = OutboxTrace.current();
        return store.findAll(patches.stream().map(Patch::userId).distinct().toList())
                .flatMap(stored -> {
                    Map<String, Map<String, Object>> current = new HashMap<>();
                    Map<String, PersonEntry> valid = new LinkedHashMap<>();
                    List<Patched> outcomes = new ArrayList<>(patches.size());
                    for (Patch patch : patches) {
                        Map<String, Object> row = new HashMap<>(
                                current.computeIfAbsent(patch.userId(), userId -> fields(stored.get(userId))));
                        row.putAll(patch.fields());
                        row.put("userId", patch.userId());
                        PersonValidator.Outcome outcome = PersonValidator.validate(row);
                        if (outcome.valid()) {
                            current.put(patch.userId(), row);
                            valid.put(patch.userId(), outcome.entry());
                        }
                        outcomes.add(new Patched(patch.userId(), outcome.errors()));
                    }
                    if (valid.isEmpty()) {
                        return Uni.createFrom().item(outcomes);
                    }
                    return store.upsert(List.copyOf(valid.values()), traceparent)
                            .invoke(outbox::runSoon)
                            .replaceWith(outcomes);
                });
    }

    /** A stored entry as the validator reads a row; empty for a person not on the roster. */
    private static Map<String, Object> fields(PersonView person) {
        Map<String, Object> row = new HashMap<>();
        if (person != null) {
            row.put("displayName", person.displayName());
            row.put("email", person.email());
            row.put("businessUnit", person.businessUnit());
            row.put("jobRole", person.jobRole());
            row.put("managerId", person.managerId());
            row.put("executive", person.executive());
            row.put("active", person.active());
        }
        return row;
    }

    /** Imports the rows, or with {@code dryRun} answers what the import would do and writes nothing. */
    public Uni<ImportReport> importCsv(String csv, boolean dryRun) {
        return importRows(CsvRows.parse(csv, COLUMNS), dryRun);
    }

    /** The same for a JSON array of entries. */
    public Uni<ImportReport> importJson(List<JsonNode> items, boolean dryRun) {
        return importRows(items.stream().map(RosterService::fields).toList(), dryRun);
    }

    private Uni<ImportReport> importRows(List<Map<String, Object>> rows, boolean dryRun) {
        String traceparent = OutboxTrace.current();
        return store.salesforceIds().flatMap(owners -> importRows(rows, dryRun, owners, traceparent));
    }

    /** {@code owners}: the roster's Salesforce user ids and whose they are, so that no id goes to two people. */
    private Uni<ImportReport> importRows(
            List<Map<String, Object>> rows, boolean dryRun, Map<String, String> owners, String traceparent) {
        List<PersonEntry> valid = new ArrayList<>(rows.size());
        Map<String, String> salesforceIds = new LinkedHashMap<>();
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, String> taken = new HashMap<>(owners);
        for (int index = 0; index < rows.size(); index++) {
            Map<String, Object> row = rows.get(index);
            PersonValidator.Outcome outcome = PersonValidator.validate(row);
            ExternalIds.Outcome ids = ExternalIds.ofRow(row);
            String userId = row.get("userId") instanceof String id ? id : null;
            String salesforceId = ids.ids().get("salesforce");
            String owner = salesforceId == null ? null : taken.get(salesforceId);
            if (row.containsKey("_extra")) {
                rejected.add(new ImportReport.RejectedRow(
                        index + 1, userId, List.of("the row has more values than the header has columns")));
            } else if (!outcome.valid() || !ids.errors().isEmpty()) {
                List<Problem.FieldError> errors = new ArrayList<>(outcome.errors());
                errors.addAll(ids.errors());
                rejected.add(new ImportReport.RejectedRow(
                        index + 1,
                        userId,
                        errors.stream()
                                .map(error -> error.field() + ": " + error.message())
                                .toList()));
            } else if (!seen.add(outcome.entry().userId())) {
                rejected.add(new ImportReport.RejectedRow(
                        index + 1, userId, List.of("userId: appears on an earlier row of this import")));
            } else if (owner != null && !owner.equals(userId)) {
                rejected.add(new ImportReport.RejectedRow(
                        index + 1, userId, List.of("salesforceId: is already the id of " + owner)));
            } else {
                valid.add(outcome.entry());
                if (ids.ids().containsKey("salesforce")) {
                    salesforceIds.put(userId, salesforceId);
                    if (salesforceId != null) {
                        taken.put(salesforceId, userId);
                    }
                }
            }
        }
        if (valid.isEmpty()) {
            return Uni.createFrom().item(new ImportReport(0, 0, 0, rejected));
        }
        Uni<RosterStore.Changes> upserted = dryRun
                ? store.upsertRolledBack(valid, traceparent)
                : store.upsert(valid, traceparent)
                        .invoke(outbox::runSoon)
                        .call(changes -> store.setSalesforceIds(salesforceIds));
        return upserted.map(changes -> new ImportReport(
                changes.created(), changes.updated(), valid.size() - changes.created() - changes.updated(), rejected));
    }

    /** A JSON object's fields as the validator reads them: strings, booleans, or the node itself (a wrong type). */
    private static Map<String, Object> fields(JsonNode node) {
        Map<String, Object> row = new HashMap<>();
        if (node == null || !node.isObject()) {
            row.put("_notAnObject", true);
            return row;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            row.put(
                    field.getKey(),
                    value.isNull()
                            ? null
                            : value.isTextual() ? value.asText() : value.isBoolean() ? value.asBoolean() : value);
        }
        return row;
    }
}
