package io.uptake.gateway.protection;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.uptake.gateway.routing.Problems;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every failure that reaches the router ends as a problem document: a missing, expired or forged
 * token is a 401 with {@code WWW-Authenticate: Bearer}, anything unexpected a 500 without details.
 */
@ApplicationScoped
public class AuthenticationProblems {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().ended()) {
            return;
        }
        if (failure instanceof AuthenticationRedirectException redirect) {
            // not a failure: the browser sign-in's next step (to Keycloak, or back to the page after the code exchange)
            context.response()
                    .setStatusCode(redirect.getCode())
                    .putHeader("Location", redirect.getRedirectUri())
                    .putHeader("Cache-Control", "no-store")
                    .end();
            return;
        }
        if (failure instanceof AuthenticationFailedException
                || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException
                || (failure == null && context.statusCode() == 401)) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            Problems.send(context.response(), 401, "Unauthorized", "A valid bearer token is required");
        } else if (failure instanceof ForbiddenException || (failure == null && context.statusCode() == 403)) {
            Problems.send(context.response(), 403, "Forbidden", "This request is not allowed for the caller");
        } else if (failure == null && context.statusCode() >= 400 && context.statusCode() < 500) {
            Problems.send(
                    context.response(), context.statusCode(), "Request refused", "The request could not be handled");
        } else {
            Log.errorf(
                    failure,
                    "Request %s %s failed",
                    context.request().method(),
                    context.request().path());
            Problems.send(
                    context.response(), 500, "Internal Server Error", "The gateway could not handle this request");
        }
    }
}
