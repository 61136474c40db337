package io.uptake.metrics.scim;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.roster.RosterService;
import io.uptake.metrics.roster.SalesforceIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SCIM 2.0 provisioning of the roster: each change goes through the roster's own service (its rules, its history,
 * its publication on {@code uptake.people}); what SCIM alone knows (externalId, the parts of the name) is kept beside
 * it. DELETE takes the person off the roster ({@code active: false}), as deactivation does, and their history stays;
 * from then on the user answers 404 (RFC 7644 §3.6) until a new POST provisions them again.
 */
@ApplicationScoped
public class ScimService {

    private final ScimUserStore store;
    private final RosterService roster;

    public ScimService(ScimUserStore store, RosterService roster) {
        this.store = store;
        this.roster = roster;
    }

    Uni<ScimUser> get(String id) {
        return existing(id);
    }

    /** {@code startIndex}: 1-based. */
    Uni<ScimUserStore.Page> list(ScimFilter filter, int startIndex, int count) {
        return store.list(filter, startIndex - 1, count);
    }

    Uni<ScimUser> create(JsonNode resource) {
        ScimUser user = ScimAttributes.read(resource);
        if (user.userName == null) {
            throw ScimException.invalidValue("userName is required: the person's user id");
        }
        return store.find(user.userName).flatMap(provisioned -> {
            if (provisioned != null) {
                throw new ScimException(409, "uniqueness", "userName " + user.userName + " is already on the roster");
            }
            return save(user);
        });
    }

    Uni<ScimUser> replace(String id, JsonNode resource) {
        ScimUser user = ScimAttributes.read(resource);
        return existing(id).flatMap(current -> {
            if (user.userName != null && !user.userName.equalsIgnoreCase(current.userName)) {
                throw new ScimException(400, "mutability", "userName cannot change: it is the person's user id");
            }
            user.userName = current.userName;
            return save(user);
        });
    }

    Uni<ScimUser> patch(String id, JsonNode body) {
        return existing(id).flatMap(current -> {
            ScimUser patched = ScimPatch.apply(current, body);
            if (patched.userName == null || !patched.userName.equalsIgnoreCase(current.userName)) {
                throw new ScimException(400, "mutability", "userName cannot change: it is the person's user id");
            }
            patched.userName = current.userName;
            return save(patched);
        });
    }

    Uni<Void> delete(String id) {
        return existing(id)
                .flatMap(current -> {
                    current.active = false;
                    return save(current);
                })
                .flatMap(deactivated -> store.markDeleted(id));
    }

    /** What scim_user keeps of externalId and the parts of the name. */
    private static final int MAX_KEPT = 200;

    private static void requireAtMost(String attribute, String value, int length) {
        if (value != null && value.length() > length) {
            throw ScimException.invalidValue(attribute + ": at most " + length + " characters");
        }
    }

    private Uni<ScimUser> existing(String id) {
        return store.find(id).map(user -> {
            if (user == null) {
                throw ScimException.notFound(id);
            }
            return user;
        });
    }

    private Uni<ScimUser> save(ScimUser user) {
        requireAtMost("externalId", user.externalId, MAX_KEPT);
        requireAtMost("name.givenName", user.givenName, MAX_KEPT);
        requireAtMost("name.familyName", user.familyName, MAX_KEPT);
        String salesforceId = user.salesforceId == null ? null : SalesforceIds.normalised(user.salesforceId);
        if (user.salesforceId != null && salesforceId == null) {
            throw ScimException.invalidValue(ScimUser.attributeOf("salesforceId")
                    + ": must be a Salesforce user id of 15 or 18 letters and digits");
        }
        Uni<Void> checked = !user.salesforceIdSent || salesforceId == null
                ? Uni.createFrom().voidItem()
                : roster.ownerOfSalesforceId(salesforceId, user.userName)
                        .invoke(owner -> {
                            if (owner != null) {
                                throw new ScimException(
                                        409,
                                        "uniqueness",
                                        ScimUser.attributeOf("salesforceId") + ": already the Salesforce user id of "
                                                + owner);
                            }
                        })
                        .replaceWithVoid();
        return checked.flatMap(ok -> roster.patch(List.of(new RosterService.Patch(user.userName, user.rosterFields()))))
                .flatMap(outcomes -> {
                    RosterService.Patched outcome = outcomes.get(0);
                    if (!outcome.errors().isEmpty()) {
                        throw ScimException.invalidValue(outcome.errors().stream()
                                .map(error -> ScimUser.attributeOf(error.field()) + ": " + error.message())
                                .collect(Collectors.joining("; ")));
                    }
                    return store.link(user);
                })
                .call(linked -> user.salesforceIdSent
                        ? roster.setSalesforceId(user.userName, salesforceId)
                        : Uni.createFrom().voidItem())
                .flatMap(linked -> existing(user.userName));
    }
}
