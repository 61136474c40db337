package io.uptake.metrics.writekey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new write key: where it will be used ("Segment production"), whether its {@code identify} calls may update the
 * roster (default no), whether it may post Salesforce EventLogFiles (default no), the trait names its sender uses, and the web origins (such as {@code https://crm.example.com})
 * whose pages may send with it through the browser tracker (default none).
 */
public record WriteKeyRequest(
        @NotBlank @Size(max = 100) String name,
        Boolean identify,
        Boolean eventLogs,
        @Valid TraitNames traits,

        @Size(max = 20, message = "at most 20 origins")
        List<
                        @NotNull(message = "is required")
                        @Pattern(
                                regexp = Origins.ORIGIN,
                                message = "must be an origin: https://host or http://host:port, no path")
                        String>
                origins) {}
