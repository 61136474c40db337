package io.uptake.platform.access;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from their token: user name, business unit, job role and the roles that widen what they may
 * read or do. A token without the {@code business_unit} or {@code job_role} claim leaves that field null.
 */
public record Caller(
        String userId,
        String businessUnit,
        String jobRole,
        boolean admin,
        boolean executive,
        boolean manager,
        boolean hr) {

    public static Caller of(SecurityIdentity identity) {
        String unit = null;
        String role = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            unit = token.getClaim("business_unit");
            role = token.getClaim("job_role");
        }
        return new Caller(
                identity.getPrincipal().getName(),
                unit,
                role,
                identity.hasRole("admin"),
                identity.hasRole("executive"),
                identity.hasRole("manager"),
                identity.hasRole("hr"));
    }

    /** Managers read the people of their own business unit only; a manager without a unit manages none. */
    public boolean managesUnit(String unit) {
        return manager && businessUnit != null && businessUnit.equals(unit);
    }
}
