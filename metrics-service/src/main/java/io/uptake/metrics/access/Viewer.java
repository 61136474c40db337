package io.uptake.metrics.access;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is asking, from their token: user name, business unit, and the roles that widen what they may read. */
public record Viewer(
        String userId, String businessUnit, boolean admin, boolean executive, boolean manager, boolean hr) {

    public static Viewer of(SecurityIdentity identity) {
        String businessUnit =
                identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim("business_unit") : null;
        return new Viewer(
                identity.getPrincipal().getName(),
                businessUnit,
                identity.hasRole("admin"),
                identity.hasRole("executive"),
                identity.hasRole("manager"),
                identity.hasRole("hr"));
    }

    /** Managers read the people of their own business unit only. */
    public boolean managesUnit(String unit) {
        return manager && businessUnit != null && businessUnit.equals(unit);
    }

    /** A person's own figures: themself, their unit's manager, HR, executives and admins. */
    public boolean mayReadPerson(String userId, String personUnit) {
        return this.userId.equals(userId) || admin || executive || hr || managesUnit(personUnit);
    }
}
