package io.uptake.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpMethodsTest {

    @Test
    void httpsMethodsAreTaggedAsTheyAreAndAnyOtherAsOther() {
        assertThat(HttpMethods.tag("GET")).isEqualTo("GET");
        assertThat(HttpMethods.tag("PATCH")).isEqualTo("PATCH");
        assertThat(HttpMethods.tag("PRB1")).isEqualTo("OTHER");
        assertThat(HttpMethods.tag("get")).isEqualTo("OTHER");
        assertThat(HttpMethods.tag(null)).isEqualTo("OTHER");
    }
}
