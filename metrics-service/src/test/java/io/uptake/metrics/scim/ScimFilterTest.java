package io.uptake.metrics.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScimFilterTest {

    @Test
    void theFiltersDirectoriesSendBeforeTheyCreateAUserAreRead() {
        assertThat(ScimFilter.parse("userName eq \"ida@example.com\"").conditions())
                .containsExactly(new ScimFilter.Condition("userName", "ida@example.com"));
        assertThat(ScimFilter.parse("externalId EQ \"0f1e\" and USERNAME eq \"a\\\"b\"")
                        .conditions())
                .containsExactly(
                        new ScimFilter.Condition("externalId", "0f1e"), new ScimFilter.Condition("userName", "a\"b"));
        assertThat(ScimFilter.parse(" ").conditions()).isEmpty();
    }

    @Test
    void anyOtherFilterIsAnInvalidFilterErrorNotAMatchAll() {
        for (String filter :
                new String[] {"title eq \"x\"", "userName sw \"a\"", "userName eq a", "(userName eq \"a\")"}) {
            assertThatThrownBy(() -> ScimFilter.parse(filter))
                    .as(filter)
                    .isInstanceOf(ScimException.class)
                    .extracting(error -> ((ScimException) error).scimType())
                    .isEqualTo("invalidFilter");
        }
    }
}
