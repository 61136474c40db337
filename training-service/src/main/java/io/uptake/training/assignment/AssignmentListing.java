package io.uptake.training.assignment;

import io.smallrye.mutiny.Uni;
import io.uptake.platform.access.Caller;
import io.uptake.platform.api.PageView;
import io.uptake.training.access.TrainingAccess;
import io.uptake.training.roster.PersonStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;

/** Assignments as listed: employees see their own, managers their business unit's, HR and admins everyone's. */
@ApplicationScoped
public class AssignmentListing {

    private final AssignmentStore store;
    private final PersonStore people;

    public AssignmentListing(AssignmentStore store, PersonStore people) {
        this.store = store;
        this.people = people;
    }

    /** The filter's statuses null: any; open work past its due date is listed as OVERDUE. */
    public Uni<PageView<AssignmentView>> list(Caller caller, AssignmentStore.Filter filter, int page, int size) {
        String userId = filter.userId();
        boolean managerAsksAboutSomeone = !TrainingAccess.readsAll(caller)
                && caller.manager()
                && userId != null
                && !userId.equals(caller.userId());
        if (!managerAsksAboutSomeone) {
            return listVisible(caller, filter, page, size);
        }
        return people.businessUnitOf(userId).flatMap(unit -> {
            if (unit == null || !caller.managesUnit(unit)) {
                throw new ForbiddenException("Managers read the assignments of people in their own business unit only");
            }
            return listVisible(caller, filter, page, size);
        });
    }

    private Uni<PageView<AssignmentView>> listVisible(
            Caller caller, AssignmentStore.Filter filter, int page, int size) {
        String userId = filter.userId();
        String businessUnit = filter.businessUnit();
        String user = userId;
        String unit = businessUnit;
        if (!TrainingAccess.readsAll(caller)) {
            boolean self = userId == null || userId.equals(caller.userId());
            if (caller.manager()) {
                if (!(self && userId != null)) {
                    unit = caller.ownUnit(businessUnit); // a manager whose token names no unit reads none
                } else if (businessUnit != null) {
                    caller.ownUnit(businessUnit);
                }
            } else {
                if (!self || businessUnit != null) {
                    throw new ForbiddenException("You may read your own assignments only");
                }
                user = caller.userId();
            }
        }
        return store.page(
                new AssignmentStore.Filter(user, filter.statuses(), unit, filter.q(), filter.sort()), page, size);
    }
}
