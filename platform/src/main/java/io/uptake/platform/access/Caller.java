package io.uptake.platform.access;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from their token: user name, business unit, job role, the roles that widen what they may read or
 * do, and the name people know them by. A token without the {@code business_unit} or {@code job_role} claim leaves
 * that field null. {@code displayName} is the token's {@code name} claim (Keycloak's "full name" mapper: first and
 * last name), else its {@code preferred_username}, else null (a principal that is no token, or a token with
 * neither claim).
 */
public record Caller(
        String userId,
        String businessUnit,
        String jobRole,
        boolean admin,
        boolean executive,
        boolean manager,
        boolean hr,
        String displayName) {

    /** A caller without a display name (as before names were read). */
    public Caller(
            String userId,
            String businessUnit,
            String jobRole,
            boolean admin,
            boolean executive,
            boolean manager,
            boolean hr) {
        this(userId, businessUnit, jobRole, admin, executive, manager, hr, null);
    }

    public static Caller of(SecurityIdentity identity) {
        String unit = null;
        String role = null;
        String name = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            unit = token.getClaim("business_unit");
            role = token.getClaim("job_role");
            name = displayName(token);
        }
        return new Caller(
                identity.getPrincipal().getName(),
                unit,
                role,
                identity.hasRole("admin"),
                identity.hasRole("executive"),
                identity.hasRole("manager"),
                identity.hasRole("hr"),
                name);
    }

    /**
     * The one rule of a manager's reach, for every service: the unit a manager may read, their own, whether the
     * request names it or none. Another unit, a manager whose token names no unit ({@code business_unit}), and anyone
     * who is not a manager are refused: a missing unit never widens a manager's reach to every unit.
     */
    public String ownUnit(String requested) {
        if (!manager) {
            throw new ForbiddenException("Only managers read a business unit's figures");
        }
        if (businessUnit == null) {
            throw new ForbiddenException("Your token names no business unit (claim business_unit), so you manage none");
        }
        if (requested != null && !requested.isBlank() && !requested.equals(businessUnit)) {
            throw new ForbiddenException("Managers read their own business unit only");
        }
        return businessUnit;
    }

    /** Managers read the people of their own business unit only; a manager without a unit manages none. */
    public boolean managesUnit(String unit) {
        return manager && businessUnit != null && businessUnit.equals(unit);
    }

    /** The {@code name} claim, else {@code preferred_username}, trimmed; null when neither has a printable value. */
    static String displayName(JsonWebToken token) {
        String name = nonBlank(token.getClaim("name"));
        return name != null ? name : nonBlank(token.getClaim("preferred_username"));
    }

    private static String nonBlank(Object claim) {
        if (!(claim instanceof String text)) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
