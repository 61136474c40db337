import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Page timings of the web app in Debian's Chromium: for each page, signed in as the person who uses it,
 * the time from navigation to the page's data on screen (the page element's data-loaded attribute, and
 * for charts the drawn SVG), and the JavaScript the page loaded, gzipped. Run by ./uptake bench web.
 *
 * Arguments: GATEWAY_URL ROUNDS then one or more USER:PATH:READY (READY "data" and an optional selector, or a CSS selector).
 * Prints one line per page: "BENCH page=... user=... first_ms=... median_ms=... max_ms=... js_gzip_bytes=..." (first: the
 * first visit, with nothing cached; median and max: the ROUNDS visits after it).
 */
public class WebBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rounds = Integer.parseInt(args[1]);
        try (Playwright playwright = Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser chromium = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(Path.of(System.getProperty("uptake.chromium", "/usr/bin/chromium")))
                                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")))) {
            Map<String, BrowserContext> signedIn = new LinkedHashMap<>();
            for (int i = 2; i < args.length; i++) {
                String[] page = args[i].split(":", 3);
                BrowserContext context = signedIn.computeIfAbsent(page[0], user -> signIn(chromium, base, user));
                measure(context, base, page[0], page[1], page[2], rounds);
            }
            signedIn.values().forEach(BrowserContext::close);
        }
    }

    private static BrowserContext signIn(Browser chromium, String base, String user) {
        BrowserContext context = chromium.newContext();
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        page.navigate(base + "/web/");
        page.locator("#username").fill(user);
        page.locator("#password").fill(user);
        page.locator("#kc-login").click();
        page.waitForSelector("uptake-app header");
        page.close();
        return context;
    }

    private static void measure(BrowserContext context, String base, String user, String path, String ready, int rounds)
            throws IOException {
        List<Long> millis = new ArrayList<>();
        List<Long> inPage = new ArrayList<>();
        long scriptBytes = 0;
        long first = 0;
        long firstInPage = 0;
        for (int round = 0; round <= rounds; round++) { // round 0 warms the server and the browser's cache
            Page page = context.newPage();
            List<Response> scripts = new ArrayList<>();
            page.onResponse(response -> {
                if ("script".equals(response.request().resourceType())) {
                    scripts.add(response);
                }
            });
            boolean profiled = round == rounds && System.getProperty("uptake.bench.profile") != null;
            CDPSession profiler = profiled ? startProfiler(context, page) : null;
            long started = System.nanoTime();
            page.navigate(base + path);
            long onScreen = awaitReady(page, ready);
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            if (profiled) {
                printProfile(profiler, path);
            }
            if (round == rounds && System.getProperty("uptake.screenshots") != null) {
                page.setViewportSize(1280, 900);
                page.screenshot(new Page.ScreenshotOptions()
                        .setFullPage(true)
                        .setPath(Path.of(
                                System.getProperty("uptake.screenshots"),
                                user + path.replaceAll("[^a-z0-9]+", "-") + ".png")));
            }
            if (round > 0) {
                millis.add(elapsed);
                inPage.add(onScreen);
                if (round == rounds && System.getProperty("uptake.bench.waterfall") != null) {
                    printWaterfall(page, path + "#last");
                }
            } else {
                first = elapsed;
                firstInPage = onScreen;
                if (System.getProperty("uptake.bench.waterfall") != null) {
                    printWaterfall(page, path + "#first");
                }
                for (Response script : List.copyOf(scripts)) { // reading a body lets more events in
                    scriptBytes += gzipped(script.body());
                }
            }
            page.close();
        }
        Collections.sort(millis);
        Collections.sort(inPage);
        System.out.printf(
                "BENCH page=%s user=%s first_ms=%d median_ms=%d max_ms=%d first_page_ms=%d median_page_ms=%d"
                        + " max_page_ms=%d js_gzip_bytes=%d%n",
                path,
                user,
                first,
                millis.get(millis.size() / 2),
                millis.getLast(),
                firstInPage,
                inPage.get(inPage.size() / 2),
                inPage.getLast(),
                scriptBytes);
    }

    /**
     * READY "data", optionally followed by a selector: every part of the page that loads data (a Page with a load())
     * has its data on screen and no loading indicator is left, and the selector (a drawn chart) is there too.
     * Anything else: a CSS selector to wait for. Returns when the page itself saw that, in ms after its navigation
     * started (the browser's clock, checked every frame): what the reader sees, without the time the answer takes
     * to reach this program through Playwright's driver.
     */
    private static long awaitReady(Page page, String ready) {
        boolean data = ready.startsWith("data");
        String selector = data ? ready.substring("data".length()).strip() : ready;
        Object seenAt = page.waitForFunction("""
                (arg) => {
                  const main = document.querySelector('main');
                  const parts = main ? [...main.querySelectorAll('*')].filter((part) => typeof part.load === 'function') : [];
                  const loaded = !arg.data || (parts.length > 0 && parts.every((part) => part.hasAttribute('data-loaded'))
                    && main.querySelectorAll('up-loading').length === 0);
                  return loaded && (!arg.selector || document.querySelector(arg.selector) !== null)
                    ? performance.now() : false;
                }""", Map.of("data", data, "selector", selector))
                .jsonValue();
        return Math.round(((Number) seenAt).doubleValue());
    }

    /** Chromium's sampling profiler of the page's main thread (UPTAKE_BENCH_PROFILE=1), every 200 µs. */
    private static CDPSession startProfiler(BrowserContext context, Page page) {
        CDPSession cdp = context.newCDPSession(page);
        cdp.send("Profiler.enable");
        JsonObject interval = new JsonObject();
        interval.addProperty("interval", 200);
        cdp.send("Profiler.setSamplingInterval", interval);
        cdp.send("Profiler.start");
        return cdp;
    }

    /** The functions the main thread spent most time in, up to the data on screen: self time, by function and file. */
    private static void printProfile(CDPSession cdp, String path) {
        JsonObject profile = cdp.send("Profiler.stop").getAsJsonObject("profile");
        JsonArray samples = profile.getAsJsonArray("samples");
        JsonArray deltas = profile.getAsJsonArray("timeDeltas");
        Map<Integer, String> names = new HashMap<>();
        for (var node : profile.getAsJsonArray("nodes")) {
            JsonObject frame = node.getAsJsonObject().getAsJsonObject("callFrame");
            String url = frame.get("url").getAsString();
            String function = frame.get("functionName").getAsString();
            names.put(
                    node.getAsJsonObject().get("id").getAsInt(),
                    (function.isEmpty() ? "(anonymous)" : function) + " " + url.substring(url.lastIndexOf('/') + 1)
                            + ":" + frame.get("lineNumber").getAsInt());
        }
        Map<String, Double> selfMs = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            double ms = (i + 1 < deltas.size() ? deltas.get(i + 1).getAsDouble() : 0) / 1000;
            selfMs.merge(names.get(samples.get(i).getAsInt()), ms, Double::sum);
        }
        selfMs.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(30)
                .forEach(entry -> System.out.printf("PROFILE %s %.1f ms %s%n", path, entry.getValue(), entry.getKey()));
        cdp.detach();
    }

    /**
     * The first visit's requests, for finding where its time goes: for each, when it was started, when it was sent
     * (later than started while it waited for one of the browser's six connections to the gateway) and when its
     * answer ended, in ms after navigation.
     */
    private static void printWaterfall(Page page, String path) {
        Object entries = page.evaluate("""
                () => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource'),
                    ...performance.getEntriesByType('mark')].map((e) => e.entryType === 'mark'
                  ? `${Math.round(e.startTime)} ${Math.round(e.startTime)} ${Math.round(e.startTime)} mark:${e.name.replaceAll(' ', '_')}`
                  : `${Math.round(e.startTime)} ${Math.round(e.requestStart || e.startTime)} ${Math.round(e.responseEnd)} ${e.name.replace(location.origin, '')}`)""");
        for (Object entry : (List<?>) entries) {
            System.out.println("WATERFALL " + path + " " + entry);
        }
    }

    private static long gzipped(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.size();
    }
}
