package io.uptake.platform.api;

import java.util.List;

/** Input that breaks a rule the bean constraints cannot express; answered 400 naming each field. */
public class InvalidInput extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidInput(List<Problem.FieldError> errors) {
        super("The request has " + errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    public InvalidInput(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
