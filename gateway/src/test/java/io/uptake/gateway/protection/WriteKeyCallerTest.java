package io.uptake.gateway.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WriteKeyCallerTest {

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theWriteKeyIsTheBasicUserNameWithOrWithoutAPassword() {
        assertThat(WriteKeyCaller.basicUser(basic("uwk_abc:"))).isEqualTo("uwk_abc");
        assertThat(WriteKeyCaller.basicUser(basic("uwk_abc"))).isEqualTo("uwk_abc");
        assertThat(WriteKeyCaller.basicUser("basic " + Base64.getEncoder().encodeToString("k:".getBytes())))
                .isEqualTo("k");
    }

    @Test
    void noKeyIsFoundInABearerTokenAnEmptyNameOrBrokenBase64() {
        assertThat(WriteKeyCaller.basicUser("Bearer eyJ.x.y")).isNull();
        assertThat(WriteKeyCaller.basicUser(basic(":secret"))).isNull();
        assertThat(WriteKeyCaller.basicUser("Basic %%%")).isNull();
        assertThat(WriteKeyCaller.basicUser(null)).isNull();
    }
}
