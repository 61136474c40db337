package io.uptake.gateway.protection;

import io.quarkus.security.identity.SecurityIdentity;
import io.uptake.gateway.routing.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Counts each caller's requests in fixed windows. A person is counted by their user id, whatever app
 * they use; a machine client (client-credentials token) by its client id. The CRM connector (role
 * {@code ingest}) has the highest limit, other clients a higher one than people. Each replica counts
 * alone and allows its share of the limits ({@code uptake.gateway.rate-limit.replicas}).
 */
@ApplicationScoped
public class RateLimiter {

    /** The answer for one request: allowed, or refused with the seconds until the caller's window resets. */
    public record Decision(boolean allowed, int limit, int remaining, long retryAfterSeconds) {}

    private static final int SWEEP_ABOVE = 10_000;

    private final GatewayConfig.RateLimit config;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(GatewayConfig config) {
        this.config = config.rateLimit();
        this.clock = Clock.systemUTC();
    }

    public Decision acquire(SecurityIdentity identity) {
        return acquire(caller(identity));
    }

    /** For a caller known by a write key (its SHA-256, never the key itself): the ingest client's limit. */
    public Decision acquireForWriteKey(String keyHash) {
        return acquire(new Caller("write-key:" + keyHash, share(config.ingestRequests(), config.replicas())));
    }

    private Decision acquire(Caller caller) {
        if (!config.enabled()) {
            return new Decision(true, caller.limit(), caller.limit(), 0);
        }
        long now = clock.millis();
        long windowMillis = config.window().toMillis();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(window -> window.endsAt <= now);
        }
        Window window = windows.compute(
                caller.key(),
                (key, current) -> current == null || current.endsAt <= now
                        ? new Window(now + windowMillis, 1)
                        : current.plusOne());
        long retryAfter = Math.max(1, (window.endsAt - now + 999) / 1000);
        boolean allowed = window.count <= caller.limit();
        return new Decision(allowed, caller.limit(), Math.max(0, caller.limit() - window.count), retryAfter);
    }

    /** One replica's share of a deployment-wide limit: never less than one request. */
    static int share(int limit, int replicas) {
        return Math.max(1, (limit + Math.max(1, replicas) - 1) / Math.max(1, replicas));
    }

    private Caller caller(SecurityIdentity identity) {
        String subject = identity.getPrincipal().getName();
        String clientId = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            subject = token.getSubject() != null ? token.getSubject() : subject;
            clientId = token.getClaim("azp");
            String username = token.getClaim("preferred_username");
            boolean serviceAccount = username != null && username.startsWith("service-account-");
            if (serviceAccount && clientId != null) {
                int limit = identity.hasRole("ingest") ? config.ingestRequests() : config.clientRequests();
                return new Caller("client:" + clientId, share(limit, config.replicas()));
            }
        }
        int limit = identity.hasRole("ingest") ? config.ingestRequests() : config.userRequests();
        return new Caller("user:" + subject, share(limit, config.replicas()));
    }

    private record Caller(String key, int limit) {}

    private record Window(long endsAt, int count) {

        Window plusOne() {
            return new Window(endsAt, count + 1);
        }
    }
}
