package io.uptake.platform.api;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/** The request is well formed but the state forbids it (deadline passed, already submitted, session full…): 409. */
public class Conflict extends ClientErrorException {

    public Conflict(String detail) {
        super(detail, Response.Status.CONFLICT);
    }
}
