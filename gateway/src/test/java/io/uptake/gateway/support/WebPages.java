package io.uptake.gateway.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The web app in a real Chromium (Debian's package, driven by Playwright), signed in on Keycloak's own page. Every
 * page can be checked the way a reviewer would: axe-core (WCAG 2.1 A and AA) at a desktop's and a phone's width, no
 * horizontal scrolling on the phone, no script error, and no "undefined", "null" or empty "()" on screen; a page that
 * fails is photographed at both widths into target/screenshots.
 */
public final class WebPages implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Pattern BLANKS =
            Pattern.compile("\\bundefined\\b|\\bnull\\b|\\bNaN\\b|\\(\\s*\\)|\\[object Object]|Invalid Date");

    private static final String AXE_SOURCE = AxeBuilder.getAxeScript();
    private static final Pattern EXPECTED_ANSWERS = Pattern.compile("status of (400|403|409)\\b");

    private final String base;
    private final Playwright playwright;
    private final Browser chromium;
    private final AutoCloseable redirects;
    private final Map<Page, List<String>> scriptErrors = new ConcurrentHashMap<>();

    private WebPages(String base) throws Exception {
        this.base = base;
        this.redirects = io.uptake.gateway.support.Browser.allowRedirectsTo(base);
        this.playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.chromium = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(System.getProperty("uptake.chromium", "/usr/bin/chromium")))
                        .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
        Files.createDirectories(SCREENSHOTS);
    }

    /** Chromium, pointed at the gateway's address (scheme, host and port). */
    public static WebPages open(String base) throws Exception {
        return new WebPages(base);
    }

    public String base() {
        return base;
    }

    /** A fresh browser profile: its own cookies, so its own signed-in person. */
    public BrowserContext newContext() {
        BrowserContext context = chromium.newContext();
        context.setDefaultTimeout(20_000);
        return context;
    }

    /** Signs in on Keycloak's login page, as a person would, and lands on the app at the path. */
    public Page signIn(BrowserContext context, String user, String path) {
        Page page = context.newPage();
        List<String> errors = new CopyOnWriteArrayList<>();
        scriptErrors.put(page, errors);
        page.onConsoleMessage(message -> {
            System.out.println("[chromium console] " + message.type() + " " + message.text());
            // a refusal or a validation answer the page shows is the API at work, not a defect of the page
            if (message.type().equals("error")
                    && !EXPECTED_ANSWERS.matcher(message.text()).find()) {
                errors.add(message.text() + " at " + page.url());
            }
        });
        page.onPageError(error -> {
            System.out.println("[chromium page error] " + error);
            errors.add(error + " at " + page.url());
        });
        page.onResponse(response -> {
            if (response.status() >= 400) {
                System.out.println("[chromium response] " + response.status() + " "
                        + response.request().method() + " " + response.url());
            }
        });
        page.navigate(base + path);
        page.locator("#username").fill(user);
        page.locator("#password").fill(user);
        page.locator("#kc-login").click();
        page.waitForURL(Pattern.compile(Pattern.quote(base) + "/web.*"));
        assertThat(page.locator("header .who")).isVisible();
        return page;
    }

    /** Opens a path of the app in the same tab and waits until its page has its data on screen. */
    public void visit(Page page, String path) {
        page.navigate(base + path);
        waitForData(page);
    }

    /**
     * The page shows its data (or the API's refusal): every part of it that loads data (a Page with a load())
     * marks itself data-loaded once its data is on screen, and no loading indicator is left.
     */
    public static void waitForData(Page page) {
        page.waitForFunction("""
                () => {
                  const main = document.querySelector('main');
                  const parts = [...main.querySelectorAll('*')].filter((part) => typeof part.load === 'function');
                  return main.children.length > 0 && parts.length > 0
                    && parts.every((part) => part.hasAttribute('data-loaded'))
                    && main.querySelectorAll('up-loading').length === 0;
                }""");
    }

    /**
     * The reviewer's checks on the page as it is now, at a desktop's width and a phone's: axe finds no WCAG 2.1 A/AA
     * violation, the phone needs no horizontal scrolling, nothing on screen reads "undefined", "null" or "()", and
     * no script error or failed request was logged. A page that fails is photographed at both widths into
     * target/screenshots ({@code -Duptake.screenshots=all}: every page checked).
     */
    public void check(Page page, String name) {
        List<String> failures = new ArrayList<>();
        for (int[] size : new int[][] {{1280, 900}, {390, 844}}) {
            String width = size[0] == 1280 ? "desktop" : "phone";
            page.setViewportSize(size[0], size[1]);
            List<String> violations = axeViolations(page);
            if (!violations.isEmpty()) {
                failures.add("axe at a " + width + "'s width: " + violations);
            }
            Object overflow =
                    page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (((Number) overflow).intValue() > 0) {
                failures.add(overflow + " pixels to scroll sideways at a " + width + "'s width");
            }
        }
        page.setViewportSize(1280, 900);
        String text = page.locator("main").innerText();
        List<String> blanks =
                BLANKS.matcher(text).results().map(found -> found.group()).toList();
        if (!blanks.isEmpty()) {
            failures.add("blanks on screen " + blanks + " in " + text);
        }
        failures.addAll(scriptErrors.getOrDefault(page, List.of()));
        if (!failures.isEmpty() || "all".equals(System.getProperty("uptake.screenshots"))) {
            photograph(page, name);
        }
        assertThat(failures).as("%s: the reviewer's checks", name).isEmpty();
    }

    /**
     * axe-core's WCAG 2.1 A and AA rules on the page's document, each violation as its rule and the elements it found.
     * axe is injected once per document and asked for violations only (its passes would be most of the answer).
     */
    private static List<String> axeViolations(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate(AXE_SOURCE);
        }
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate("""
                async (tags) => {
                  const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
                  return results.violations.map((rule) => rule.id + ' ' + JSON.stringify(rule.nodes.map((node) => node.target)));
                }""", WCAG);
        return violations;
    }

    private static void photograph(Page page, String name) {
        for (int[] size : new int[][] {{1280, 900}, {390, 844}}) {
            page.setViewportSize(size[0], size[1]);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve(name + "-" + (size[0] == 1280 ? "desktop" : "phone") + ".png"))
                    .setFullPage(true));
        }
        page.setViewportSize(1280, 900);
    }

    @Override
    public void close() throws Exception {
        redirects.close();
        chromium.close();
        playwright.close();
    }
}
