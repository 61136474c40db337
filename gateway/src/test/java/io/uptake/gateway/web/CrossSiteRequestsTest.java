package io.uptake.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrossSiteRequestsTest {

    private static final String HOST = "uptake.example.com";

    @Test
    void readsPassWhateverTheirOrigin() {
        assertThat(CrossSiteRequests.allowed("GET", null, "https://evil.example", "cross-site", HOST))
                .isTrue();
        assertThat(CrossSiteRequests.allowed("HEAD", null, null, null, HOST)).isTrue();
    }

    @Test
    void aWriteFromTheAppsOwnScriptPasses() {
        assertThat(CrossSiteRequests.allowed(
                        "POST", "XMLHttpRequest", "https://uptake.example.com", "same-origin", HOST))
                .isTrue();
        assertThat(CrossSiteRequests.allowed("PUT", "XMLHttpRequest", null, null, HOST))
                .as("an older browser states no origin")
                .isTrue();
    }

    @Test
    void aWriteWithoutTheHeaderIsRefused() {
        assertThat(CrossSiteRequests.allowed("POST", null, "https://uptake.example.com", "same-origin", HOST))
                .isFalse();
        assertThat(CrossSiteRequests.allowed("DELETE", " ", null, null, HOST)).isFalse();
    }

    @Test
    void aWriteFromAnotherSiteIsRefusedEvenWithTheHeader() {
        assertThat(CrossSiteRequests.allowed("POST", "XMLHttpRequest", "https://evil.example", null, HOST))
                .isFalse();
        assertThat(CrossSiteRequests.allowed("POST", "XMLHttpRequest", null, "cross-site", HOST))
                .isFalse();
        assertThat(CrossSiteRequests.allowed(
                        "POST", "XMLHttpRequest", "https://uptake.example.com.evil.example", null, HOST))
                .isFalse();
        assertThat(CrossSiteRequests.allowed("PATCH", "XMLHttpRequest", "not a uri", null, HOST))
                .isFalse();
    }

    @Test
    void theSignOutFormPassesFromTheAppsOwnPageOnly() {
        assertThat(CrossSiteRequests.sameSiteForm("null", "same-origin", HOST))
                .as("Chromium's own form under no-referrer")
                .isTrue();
        assertThat(CrossSiteRequests.sameSiteForm("https://uptake.example.com", "same-origin", HOST))
                .isTrue();
        assertThat(CrossSiteRequests.sameSiteForm(null, null, HOST))
                .as("an older browser")
                .isTrue();
        assertThat(CrossSiteRequests.sameSiteForm("https://evil.example", "cross-site", HOST))
                .isFalse();
        assertThat(CrossSiteRequests.sameSiteForm("null", "cross-site", HOST)).isFalse();
        assertThat(CrossSiteRequests.sameSiteForm("null", null, HOST))
                .as("a sandboxed frame of an older browser")
                .isFalse();
        assertThat(CrossSiteRequests.sameSiteForm("https://evil.example", "same-origin", HOST))
                .isFalse();
        assertThat(CrossSiteRequests.sameSiteForm(null, "same-site", HOST)).isFalse();
    }
}
