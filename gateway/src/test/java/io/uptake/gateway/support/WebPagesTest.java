package io.uptake.gateway.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reviewer's checks fail on the defects they are there to find, so a page that passes them is clean. */
class WebPagesTest {

    private static WebPages web;

    @BeforeAll
    static void startChromium() throws Exception {
        web = WebPages.open("http://localhost:1");
    }

    @AfterAll
    static void stopChromium() throws Exception {
        web.close();
    }

    private static void checked(String body) {
        try (BrowserContext context = web.newContext()) {
            Page page = context.newPage();
            page.setContent("<!doctype html><html lang='en'><head><title>Check</title></head><body><main>" + body
                    + "</main></body></html>");
            web.check(page, "web-pages-test");
        }
    }

    @Test
    void aCleanPagePasses() {
        assertThatCode(() -> checked("<h1>Clean</h1><p>Nothing wrong here.</p>"))
                .doesNotThrowAnyException();
    }

    @Test
    void anImageWithoutAlternativeTextIsAnAxeViolation() {
        assertThatThrownBy(() -> checked("<h1>Image</h1><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='>"))
                .hasMessageContaining("image-alt");
    }

    @Test
    void aPageWiderThanAPhoneIsSidewaysScrolling() {
        assertThatThrownBy(() -> checked("<h1>Wide</h1><div style='width: 800px'>wide</div>"))
                .hasMessageContaining("pixels to scroll sideways at a phone's width");
    }

    @Test
    void undefinedOnScreenIsABlank() {
        assertThatThrownBy(() -> checked("<h1>Blank</h1><p>suggested by undefined ()</p>"))
                .hasMessageContaining("blanks on screen");
    }
}
