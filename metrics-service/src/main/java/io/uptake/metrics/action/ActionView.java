package io.uptake.metrics.action;

/** An entry of the action catalogue as clients see it. */
public record ActionView(String code, String name, String description) {

    static ActionView of(Action action) {
        return new ActionView(action.code, action.name, action.description);
    }
}
