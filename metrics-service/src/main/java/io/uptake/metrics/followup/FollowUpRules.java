package io.uptake.metrics.followup;

import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.Problem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a follow-up must hold: the day of the conversation (not in the future, at most 400 days back), a root
 * cause from the configured list, notes of at most 4,000 characters, and optionally an agreed action of a
 * configured kind, due on or after the conversation (a training action names the skill to train).
 */
public final class FollowUpRules {

    static final int MAX_DAYS_BACK = 400;
    static final int MAX_NOTES = 4000;
    static final int MAX_DESCRIPTION = 1000;
    private static final Pattern SKILL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private FollowUpRules() {}

    /** The follow-up to record, or {@link InvalidInput} naming every field that is wrong. */
    public static Valid validate(
            FollowUpRequest request, List<String> rootCauses, List<String> actionKinds, LocalDate today) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw new InvalidInput("body", "must be a follow-up: {metOn, rootCause, notes, action}");
        }
        LocalDate metOn = date("metOn", request.metOn(), errors);
        // today is UTC's: a manager east of it may already be a day ahead
        if (metOn != null && metOn.isAfter(today.plusDays(1))) {
            errors.add(new Problem.FieldError("metOn", "must not be in the future"));
        } else if (metOn != null && metOn.isBefore(today.minusDays(MAX_DAYS_BACK))) {
            errors.add(new Problem.FieldError("metOn", "must be at most " + MAX_DAYS_BACK + " days back"));
        }
        if (request.rootCause() == null || !rootCauses.contains(request.rootCause())) {
            errors.add(new Problem.FieldError("rootCause", "must be one of " + String.join(", ", rootCauses)));
        }
        if (request.notes() != null && request.notes().length() > MAX_NOTES) {
            errors.add(new Problem.FieldError("notes", "at most " + MAX_NOTES + " characters"));
        }
        FollowUpView.AgreedAction action = null;
        FollowUpRequest.Action asked = request.action();
        if (asked != null) {
            if (asked.kind() == null || !actionKinds.contains(asked.kind())) {
                errors.add(new Problem.FieldError("action.kind", "must be one of " + String.join(", ", actionKinds)));
            }
            if (asked.description() != null && asked.description().length() > MAX_DESCRIPTION) {
                errors.add(new Problem.FieldError("action.description", "at most " + MAX_DESCRIPTION + " characters"));
            }
            boolean training = "training".equals(asked.kind());
            if (training
                    && (asked.skill() == null || !SKILL.matcher(asked.skill()).matches())) {
                errors.add(new Problem.FieldError(
                        "action.skill", "a training action names the skill to train (1-64 letters, digits, . _ -)"));
            } else if (!training && asked.skill() != null) {
                errors.add(new Problem.FieldError("action.skill", "only a training action names a skill"));
            }
            LocalDate dueOn = date("action.dueOn", asked.dueOn(), errors);
            if (dueOn != null && metOn != null && dueOn.isBefore(metOn)) {
                errors.add(new Problem.FieldError("action.dueOn", "must not be before metOn"));
            }
            action = new FollowUpView.AgreedAction(asked.kind(), asked.description(), asked.skill(), dueOn);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Valid(metOn, request.rootCause(), request.notes(), action);
    }

    /** A follow-up that passed the rules. */
    public record Valid(LocalDate metOn, String rootCause, String notes, FollowUpView.AgreedAction action) {

        public boolean assignsTraining() {
            return action != null && "training".equals(action.kind());
        }
    }

    private static LocalDate date(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "required, a date such as 2026-11-30"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be a date such as 2026-11-30"));
            return null;
        }
    }
}
