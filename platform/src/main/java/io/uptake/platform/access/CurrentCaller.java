package io.uptake.platform.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The caller of the current request, read from its identity once. {@link Caller} is a record, and ArC cannot
 * proxy a record, so the request scope sits on this holder rather than on a producer of {@code Caller}.
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityIdentity identity;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            caller = Caller.of(identity);
        }
        return caller;
    }
}
