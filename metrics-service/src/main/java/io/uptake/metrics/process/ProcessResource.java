package io.uptake.metrics.process;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.uptake.metrics.access.Scope;
import io.uptake.metrics.action.KnownActions;
import io.uptake.metrics.api.CsvWriter;
import io.uptake.metrics.api.DateRange;
import io.uptake.metrics.api.Interval;
import io.uptake.platform.access.CurrentCaller;
import io.uptake.platform.api.InvalidInput;
import io.uptake.platform.api.PageView;
import io.uptake.platform.api.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;

/** Process conformance: rules of order per unit or organisation, and their violations per unit or person and period. */
@Path("/api/metrics")
public class ProcessResource {

    static final int MAX_WITHIN_DAYS = 365;
    static final int MAX_NAME = 200;

    private final ProcessStore store;
    private final KnownActions actions;
    private final CurrentCaller currentCaller;

    public ProcessResource(ProcessStore store, KnownActions actions, CurrentCaller currentCaller) {
        this.store = store;
        this.actions = actions;
        this.currentCaller = currentCaller;
    }

    @POST
    @Path("/process-rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ProcessRule.class)))
    public Uni<Response> create(ProcessRuleRequest request) {
        return actions.codes().flatMap(codes -> {
            ProcessRule rule = validate(request, codes);
            return store.insert(rule)
                    .map(saved -> Response.created(URI.create("/api/metrics/process-rules/" + saved.id()))
                            .entity(saved)
                            .build());
        });
    }

    private ProcessRule validate(ProcessRuleRequest request, Set<String> codes) {
        if (request == null) {
            throw new InvalidInput("body", "must be a rule: {name, businessUnit, firstAction, thenAction, withinDays}");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.name() == null || request.name().isBlank() || request.name().length() > MAX_NAME) {
            errors.add(new Problem.FieldError("name", "required, 1 to " + MAX_NAME + " characters"));
        }
        if (request.businessUnit() != null
                && (request.businessUnit().isBlank() || request.businessUnit().length() > 100)) {
            errors.add(new Problem.FieldError("businessUnit", "1 to 100 characters, or absent for every unit"));
        }
        for (String field : List.of("firstAction", "thenAction")) {
            String action = field.equals("firstAction") ? request.firstAction() : request.thenAction();
            if (action == null || !codes.contains(action)) {
                errors.add(new Problem.FieldError(field, "must be a code of the action catalogue"));
            }
        }
        if (request.firstAction() != null && request.firstAction().equals(request.thenAction())) {
            errors.add(new Problem.FieldError("thenAction", "must differ from firstAction"));
        }
        if (request.withinDays() == null || request.withinDays() < 1 || request.withinDays() > MAX_WITHIN_DAYS) {
            errors.add(new Problem.FieldError("withinDays", "required, 1 to " + MAX_WITHIN_DAYS));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new ProcessRule(
                UUID.randomUUID(),
                request.name(),
                request.businessUnit(),
                request.firstAction(),
                request.thenAction(),
                request.withinDays(),
                currentCaller.get().userId(),
                null);
    }

    @GET
    @Path("/process-rules")
    @RolesAllowed({"manager", "hr", "executive", "admin"})
    public Uni<PageView<ProcessRule>> rules(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return store.page(page, size);
    }

    @DELETE
    @Path("/process-rules/{id}")
    @RolesAllowed("admin")
    public Uni<Void> delete(@PathParam("id") String rawId) {
        UUID id = ruleId(rawId);
        return store.delete(id).map(removed -> {
            if (!removed) {
                throw new NotFoundException("No rule " + id);
            }
            return null;
        });
    }

    @GET
    @Path("/process-violations")
    @RolesAllowed({"manager", "hr", "executive", "admin"})
    @APIResponse(
            responseCode = "200",
            description = "JSON by default; CSV with Accept: text/csv",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ViolationRow.class, type = SchemaType.ARRAY)),
                @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    public Uni<Response> violations(
            @RestHeader("Accept") String accept,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("interval") @DefaultValue("week") String interval,
            @QueryParam("groupBy") @DefaultValue("businessUnit") String groupBy,
            @QueryParam("businessUnit") String businessUnit,
            @QueryParam("rule") String rule) {
        Interval every = Interval.require(interval);
        UUID onlyRule = ruleId(rule);
        if (!groupBy.equals("businessUnit") && !groupBy.equals("person")) {
            throw new InvalidInput("groupBy", "must be businessUnit or person");
        }
        DateRange range = DateRange.parse(from, to);
        List<DateRange> periods = every.periods(range);
        String unit = Scope.businessUnit(currentCaller.get(), businessUnit);
        boolean byPerson = groupBy.equals("person");
        return store.rules(unit, onlyRule)
                .onItem()
                .transformToMulti(rules -> Multi.createFrom().iterable(rules))
                .onItem()
                .transformToUniAndConcatenate(each -> store.evaluate(each, range, unit)
                        .map(counts -> Violations.rows(each, counts, periods, byPerson)))
                .collect()
                .asList()
                .map(perRule -> perRule.stream()
                        .flatMap(List::stream)
                        .sorted(Violations.ORDER)
                        .toList())
                .map(rows -> CsvWriter.respond(accept, rows, ViolationRow.class));
    }

    private static UUID ruleId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notUuid) {
            throw new InvalidInput("rule", "must be a rule's id (a UUID)");
        }
    }
}
