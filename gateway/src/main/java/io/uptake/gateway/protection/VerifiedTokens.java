package io.uptake.gateway.protection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.uptake.gateway.routing.GatewayConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Quarkus OIDC, with a memory of the bearer tokens it has verified: a token seen before is not parsed
 * and its RS256 signature not checked again until it expires (its {@code exp}, not a moment later).
 * Tokens are verified locally with the realm's keys and never introspected, so a repeat check could
 * only give the same answer; it was most of the gateway's cost per request. Anything that is not a
 * bearer token on {@code /api/**} (the browser session under {@code /web}) goes to OIDC unchanged.
 */
@Alternative
@Priority(1)
@Unremovable // found by a lookup at run time, not an injection point
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism {

    private final OidcAuthenticationMechanism oidc;
    private final TokenMemory<SecurityIdentity> verified;
    private final Counter hits;
    private final Counter checks;

    public VerifiedTokens(OidcAuthenticationMechanism oidc, MeterRegistry registry, GatewayConfig config) {
        this.oidc = oidc;
        this.verified = new TokenMemory<>(
                config.verifiedTokens().capacity(), config.verifiedTokens().maxBytes());
        this.hits = Counter.builder("uptake.gateway.tokens")
                .tag("verification", "remembered")
                .description("Bearer tokens on /api, by whether their signature was checked or remembered")
                .register(registry);
        this.checks = Counter.builder("uptake.gateway.tokens")
                .tag("verification", "checked")
                .description("Bearer tokens on /api, by whether their signature was checked or remembered")
                .register(registry);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String token = apiBearerToken(context);
        if (token == null) {
            return oidc.authenticate(context, identities);
        }
        SecurityIdentity known = verified.get(token, System.currentTimeMillis());
        if (known != null) {
            hits.increment();
            return Uni.createFrom().item(known);
        }
        checks.increment();
        return oidc.authenticate(context, identities).invoke(identity -> remember(token, identity));
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity == null
                || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getExpirationTime() <= 0) {
            return;
        }
        verified.put(token, identity, jwt.getExpirationTime() * 1000);
    }

    private static String apiBearerToken(RoutingContext context) {
        String path = context.normalizedPath();
        String authorization = context.request().getHeader("Authorization");
        if (path == null
                || !path.startsWith("/api/")
                || authorization == null
                || authorization.length() <= 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    /** Asked before OIDC itself, which Quarkus also finds and keeps as the fallback. */
    @Override
    public int getPriority() {
        return oidc.getPriority() + 1;
    }
}
