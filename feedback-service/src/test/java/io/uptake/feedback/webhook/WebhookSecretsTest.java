package io.uptake.feedback.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY =
            Base64.getEncoder().encodeToString("another-key-of-thirty-two-bytes!".getBytes());

    @Test
    void aNewSecretIsWhsecAnd32RandomBytes() {
        String secret = WebhookSecrets.generate();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSecrets.generate()).isNotEqualTo(secret);
    }

    @Test
    void aSealedSecretOpensWithTheKeyOnlyAndDoesNotShowTheSecret() {
        WebhookSecrets secrets = new WebhookSecrets(KEY);
        String secret = WebhookSecrets.generate();
        String ciphertext = secrets.seal(secret);
        assertThat(ciphertext).startsWith("enc:v1:").doesNotContain(secret.substring(6));
        assertThat(secrets.seal(secret)).as("a fresh nonce each time").isNotEqualTo(ciphertext);
        assertThat(secrets.open(ciphertext)).isEqualTo(secret);
        assertThatThrownBy(() -> new WebhookSecrets(OTHER_KEY).open(ciphertext))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAlteredSealedSecretDoesNotOpen() {
        WebhookSecrets secrets = new WebhookSecrets(KEY);
        String ciphertext = secrets.seal(WebhookSecrets.generate());
        byte[] bytes = Base64.getDecoder().decode(ciphertext.substring("enc:v1:".length()));
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> secrets.open("enc:v1:" + Base64.getEncoder().encodeToString(bytes)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyThatIsNot32BytesIsRefusedAtStart() {
        assertThatThrownBy(() -> new WebhookSecrets(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new WebhookSecrets("not base64 at all!")).hasMessageContaining("base64");
    }

    @Test
    void theSignatureMatchesTheStandardWebhooksExample() {
        // the example of the Standard Webhooks specification's reference libraries
        assertThat(StandardWebhooks.signature(
                        List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void duringAGracePeriodBothSecretsSignAndEitherVerifies() {
        String old = WebhookSecrets.generate();
        String fresh = WebhookSecrets.generate();
        long now = java.time.Instant.now().getEpochSecond();
        String header = StandardWebhooks.signature(List.of(fresh, old), "evt-1", now, "{}");
        assertThat(header.split(" ")).hasSize(2);
        assertThat(StandardWebhooksVerifier.verifies(old, "evt-1", Long.toString(now), "{}", header))
                .isTrue();
        assertThat(StandardWebhooksVerifier.verifies(fresh, "evt-1", Long.toString(now), "{}", header))
                .isTrue();
        assertThat(StandardWebhooksVerifier.verifies(
                        WebhookSecrets.generate(), "evt-1", Long.toString(now), "{}", header))
                .isFalse();
        assertThat(StandardWebhooksVerifier.verifies(fresh, "evt-1", Long.toString(now), "{ }", header))
                .as("another body")
                .isFalse();
    }
}
