package io.uptake.feedback.access;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is asking, from their token: user name, business unit, and the roles that widen what they may do. */
public record Viewer(String userId, String businessUnit, boolean admin, boolean manager) {

    public static Viewer of(SecurityIdentity identity) {
        String businessUnit =
                identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim("business_unit") : null;
        return new Viewer(
                identity.getPrincipal().getName(),
                businessUnit,
                identity.hasRole("admin"),
                identity.hasRole("manager"));
    }
}
