package io.uptake.metrics.followup;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.access.PersonAccess;
import io.uptake.metrics.outbox.MetricsChannels;
import io.uptake.metrics.roster.PersonView;
import io.uptake.metrics.roster.RosterStore;
import io.uptake.platform.access.Caller;
import io.uptake.platform.api.Json;
import io.uptake.platform.api.PageView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Shortfall follow-ups: a manager (of the person's unit) or an admin records the conversation; a training
 * action agreed in it is announced on {@code uptake.follow-up-actions}, for training-service to assign.
 */
@ApplicationScoped
public class FollowUpService {

    public static final String TRAINING_AGREED = "follow-up.training-agreed";

    private final FollowUpStore store;
    private final RosterStore roster;
    private final FollowUpConfig config;
    private final Json json;

    public FollowUpService(FollowUpStore store, RosterStore roster, FollowUpConfig config, Json json) {
        this.store = store;
        this.roster = roster;
        this.config = config;
        this.json = json;
    }

    public Uni<FollowUpView> record(Caller caller, String userId, FollowUpRequest request) {
        FollowUpRules.Valid valid = FollowUpRules.validate(
                request, config.rootCauses(), config.actionKinds(), LocalDate.now(ZoneOffset.UTC));
        return person(caller, userId, true).flatMap(person -> {
            FollowUpView followUp = new FollowUpView(
                    UUID.randomUUID(),
                    userId,
                    null,
                    person.businessUnit(),
                    valid.metOn(),
                    valid.rootCause(),
                    valid.notes(),
                    valid.action(),
                    caller.userId(),
                    null,
                    null);
            return store.insert(followUp, valid.assignsTraining() ? announcement(followUp) : null);
        });
    }

    public Uni<PageView<FollowUpView>> ofPerson(Caller caller, String userId, int page, int size) {
        return person(caller, userId, false).flatMap(person -> store.ofPerson(userId, page, size));
    }

    /** The person, once the caller may write (their unit's manager, an admin) or read (also HR, executives, themself) their follow-ups. */
    private Uni<PersonView> person(Caller caller, String userId, boolean write) {
        return roster.find(userId).map(person -> {
            String unit = person == null ? null : person.businessUnit();
            boolean allowed =
                    write ? caller.admin() || caller.managesUnit(unit) : PersonAccess.mayRead(caller, userId, unit);
            if (!allowed) {
                throw new ForbiddenException(
                        write ? "Follow-ups are recorded by the manager of the person's unit or an admin" : null);
            }
            if (person == null) {
                throw new NotFoundException("No person '" + userId + "' in the roster");
            }
            return person;
        });
    }

    private FollowUpStore.Announcement announcement(FollowUpView followUp) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", TRAINING_AGREED);
        event.put("followUpId", followUp.id().toString());
        event.put("userId", followUp.userId());
        event.put("businessUnit", followUp.businessUnit());
        event.put("skill", followUp.action().skill());
        event.put("dueOn", followUp.action().dueOn().toString());
        event.put("agreedBy", followUp.recordedBy());
        event.put("rootCause", followUp.rootCause());
        event.put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return new FollowUpStore.Announcement(MetricsChannels.FOLLOW_UP_ACTIONS, followUp.userId(), json.write(event));
    }
}
