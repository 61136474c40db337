package io.uptake.training.skill;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;

/** A skill code is taken: the catalogue keeps the first definition. */
public class SkillAlreadyExists extends ClientErrorException {

    public SkillAlreadyExists(String code) {
        super("A skill with code '" + code + "' already exists", Response.Status.CONFLICT);
    }
}
