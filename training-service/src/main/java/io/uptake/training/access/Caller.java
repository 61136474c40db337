package io.uptake.training.access;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is asking, from their token: user name, business unit, job role and the roles that widen what they may do. */
public record Caller(String userId, String businessUnit, String jobRole, boolean hr, boolean manager, boolean admin) {

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
                identity.hasRole("hr"),
                identity.hasRole("manager"),
                identity.hasRole("admin"));
    }

    /** HR and admins see everything in training. */
    public boolean readsAll() {
        return hr || admin;
    }

    /** Managers read the people of their own business unit only. */
    public boolean managesUnit(String unit) {
        return manager && businessUnit != null && businessUnit.equals(unit);
    }
}
