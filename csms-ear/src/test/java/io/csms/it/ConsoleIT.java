package io.csms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in a real browser (headless Chromium from the OS packages, driven by Selenium;
 * skipped where Chromium is absent, CI always has it): nothing but the login page answers before a
 * full login; an operator enrols its second factor at the first login (QR code, first code,
 * recovery codes), logs in with password and code or with a recovery code (once), is refused with a
 * wrong password or code, creates a partner and reads its token A, which then opens OCPI; an idle
 * session ends. The screenshots in README come from here.
 */
@ExtendWith(ArquillianExtension.class)
public class ConsoleIT extends CsmsEar {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static WebDriver browser;

    @Test
    public void nothing_but_the_login_page_answers_before_a_full_login() {
        onlyTheLoginPageAnswersAnonymously(Http.PLAIN);
    }

    /**
     * Every page of the console but the login and enrolment pages, read off the WAR's sources: a page
     * added later is in the access check without anyone listing it.
     */
    static List<String> consolePages() {
        try (var files = Files.list(Path.of("../csms-ocpi/src/main/webapp"))) {
            List<String> pages = files.map(f -> f.getFileName().toString())
                    .filter(name ->
                            name.endsWith(".xhtml") && !name.equals("login.xhtml") && !name.equals("enrol.xhtml"))
                    .map(name -> "/ocpi/admin/" + name)
                    .sorted()
                    .toList();
            assertTrue(pages.size() >= 8, "the console's pages: " + pages);
            return pages;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every console URL, page, resource or post, sends an anonymous request to the login page. */
    public static void onlyTheLoginPageAnswersAnonymously(Http.Client http) {
        List<String> paths = new java.util.ArrayList<>(consolePages());
        paths.addAll(List.of(
                "/ocpi/admin/",
                "/ocpi/admin/audit.csv",
                "/ocpi/admin/no-such-page.xhtml",
                "/ocpi/admin/partner.xhtml?id=1",
                "/ocpi/admin/jakarta.faces.resource/jquery/jquery.js.xhtml?ln=primefaces",
                "/ocpi/admin/jakarta.faces.resource/faces.js.xhtml?ln=jakarta.faces"));
        for (String path : paths) {
            HttpResponse<String> answer = http.get(path);
            assertEquals(302, answer.statusCode(), path + " answered " + answer.body());
            assertTrue(
                    answer.headers().firstValue("Location").orElse("").endsWith("/ocpi/admin/login.xhtml"),
                    path + " went to " + answer.headers().firstValue("Location"));
        }
        HttpResponse<String> post = http.post("/ocpi/admin/partners.xhtml", "partners=partners");
        assertEquals(302, post.statusCode(), "a form post without a login is sent away too");
        HttpResponse<String> ajax =
                http.post("/ocpi/admin/index.xhtml", "dashboard=dashboard", "Faces-Request", "partial/ajax");
        assertTrue(
                ajax.body().contains("<redirect url=\"/ocpi/admin/login.xhtml\"/>"),
                "an AJAX request is told to go to the login page: " + ajax.statusCode() + " " + ajax.body());
        HttpResponse<String> login = http.get("/ocpi/admin/login.xhtml");
        assertEquals(200, login.statusCode());
        assertEquals("no-store", login.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(login.body().contains("<title>Log in · CSMS console</title>"), login.body());
        HttpResponse<String> enrol = http.get("/ocpi/admin/enrol.xhtml");
        assertEquals(302, enrol.statusCode(), "enrolment only after a password was checked");
    }

    @Test
    public void an_operator_enrols_a_second_factor_logs_in_and_creates_a_partner() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and its driver (Debian packages chromium, chromium-driver) are not installed");
        Driver operator = operator();
        WebDriver b = browser();
        b.manage().deleteAllCookies();
        b.get(ServerUnderTest.baseUrl() + "/ocpi/admin/index.xhtml");
        assertTrue(b.getCurrentUrl().contains("login"), b.getCurrentUrl());

        checkPage(b, "login");
        // a wrong password: a message on the page, nothing else
        login(b, operator.email, "wrong-" + operator.password, "");
        assertTrue(message(b).contains("Wrong e-mail, password or code"), message(b));
        assertTrue(b.getCurrentUrl().contains("login"));

        // the right one, at the first login: enrolment
        login(b, operator.email, operator.password, "");
        await(b, By.id("enrolment:confirm"));
        String qr = b.findElement(By.id("enrolment:qr")).getAttribute("src");
        assertTrue(qr.startsWith("data:image/png;base64,"), "the QR code is made on the server");
        String secret = b.findElement(By.id("secret")).getText().strip();
        checkPage(b, "enrolment");
        assertTrue(secret.matches("[A-Z2-7]{16,}"), secret);
        TestTotp.atLeastLeftInStep(8);
        type(b, "enrolment:code", wrong(TestTotp.code(secret, 0)));
        b.findElement(By.id("enrolment:confirm")).click();
        assertTrue(message(b).contains("does not fit"), message(b));
        type(b, "enrolment:code", TestTotp.code(secret, 0));
        b.findElement(By.id("enrolment:confirm")).click();
        await(b, By.id("enrolment:proceed"));
        List<String> recovery = b.findElements(By.cssSelector("#recovery-codes li")).stream()
                .map(WebElement::getText)
                .toList();
        assertEquals(10, recovery.size(), recovery.toString());
        b.findElement(By.id("enrolment:proceed")).click();
        await(b, By.id("dashboard"));
        assertEquals(
                operator.email.toLowerCase(),
                b.findElement(By.id("operator")).getText().toLowerCase());
        assertTrue(
                b.findElement(By.id("dashboard:security-events")).getText().contains("auth.login"),
                "the wrong password is a recent security event");
        screenshot(b, "console-dashboard");
        checkPage(b, "dashboard");

        // a partner: its token A shown once, and it opens OCPI
        b.findElement(By.linkText("Partners")).click();
        await(b, By.id("partners:create"));
        type(b, "partners:name", "Console eMSP");
        type(b, "partners:country", "DE");
        type(b, "partners:party", "CON");
        b.findElement(By.id("partners:create")).click();
        await(b, By.id("token-a"));
        String tokenA = b.findElement(By.id("token-a")).getText().strip();
        assertFalse(tokenA.isEmpty());
        assertTrue(b.findElement(By.id("versions-url")).getText().endsWith("/ocpi/versions"));
        assertTrue(b.findElement(By.id("partners:table")).getText().contains("Console eMSP"));
        screenshot(b, "console-partners");
        checkPage(b, "partners");
        assertEquals(
                200,
                Http.get("/ocpi/versions", OcpiRegistrationIT.token(tokenA)).statusCode());
        b.findElement(By.id("partners:dismiss")).click();
        new WebDriverWait(b, Duration.ofSeconds(10))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id("token-a")));
        b.navigate().refresh();
        assertFalse(b.getPageSource().contains(tokenA), "token A is never shown again");

        // the partner's page: module rights, registering with it, rotating, revoking (each confirmed)
        try (OcpiTestPartner emsp = new OcpiTestPartner("DE", "CON", "EMSP")) {
            b.findElement(By.linkText("Console eMSP")).click();
            await(b, By.id("partner:rotate"));
            assertEquals("PLANNED", b.findElement(By.id("status")).getText());
            b.findElement(By.xpath("//label[@for][normalize-space()='commands']"))
                    .click();
            b.findElement(By.id("partner:save-modules")).click();
            awaitText(b, "Module rights saved");
            assertTrue(Checks.value("select allowed_modules from ocpi_partner where name = ?", "Console eMSP")
                    .contains("commands"));
            type(b, "partner:their-url", emsp.versionsUrl());
            type(b, "partner:their-token", emsp.newToken());
            b.findElement(By.id("partner:register")).click();
            awaitText(b, "Registered with the partner");
            assertEquals("REGISTERED", b.findElement(By.id("status")).getText());
            String before = emsp.tokenForCsms;
            assertEquals(
                    200,
                    Http.get("/ocpi/versions", OcpiRegistrationIT.token(before)).statusCode());
            b.findElement(By.id("partner:rotate")).click();
            confirm(b);
            awaitText(b, "Credentials rotated");
            assertFalse(before.equals(emsp.tokenForCsms), "the partner was given a new token");
            screenshot(b, "console-partner");
            checkPage(b, "partner");
            b.findElement(By.id("partner:revoke")).click();
            confirm(b);
            awaitText(b, "Revoked");
            assertEquals("REVOKED", b.findElement(By.id("status")).getText());
            assertTrue(b.findElement(By.id("partner:audit")).getText().contains("ocpi.partner.revoke"));
            assertEquals(
                    401,
                    Http.get("/ocpi/versions", OcpiRegistrationIT.token(emsp.tokenForCsms))
                            .statusCode());
            // a TOTP second secret for its requests: set, and never shown
            type(b, "partner:totp-in-secret", "JBSWY3DPEHPK3PXP");
            b.findElement(By.id("partner:save-security")).click();
            awaitText(b, "Security settings saved");
            assertEquals("required", b.findElement(By.id("totp-in")).getText());
            assertFalse(b.getPageSource().contains("JBSWY3DPEHPK3PXP"), "a secret is never shown");
        }

        // a charger registered here, with the key the console made, connects and boots; an operation
        // sent from its page reaches it and its answer is shown
        b.findElement(By.linkText("Chargers")).click();
        await(b, By.id("chargers:register"));
        type(b, "chargers:id", "CP-CONSOLE-2");
        b.findElement(By.id("chargers:register")).click();
        String key = await(b, By.id("new-key")).getText().strip();
        assertTrue(key.matches("[0-9a-f]{40}"), key);
        try (OcppClient cp = OcppClient.connect("CP-CONSOLE-2", "CP-CONSOLE-2", key)) {
            JsonObject boot = ChargingSessionIT.confOf(
                    cp,
                    "BootNotification",
                    Json.createObjectBuilder()
                            .add("chargePointVendor", "VendorX")
                            .add("chargePointModel", "ModelY")
                            .build());
            assertEquals("Accepted", boot.getString("status"));
            try {
                // the table is live: the charger shows as connected without a reload
                new WebDriverWait(b, Duration.ofSeconds(15))
                        .until(ExpectedConditions.presenceOfElementLocated(
                                By.cssSelector("[id='chargers:table'] .on")));
            } catch (RuntimeException e) {
                Files.writeString(Path.of("target/console-chargers.html"), b.getPageSource());
                throw e;
            }
            checkPage(b, "chargers");
            b.findElement(By.linkText("CP-CONSOLE-2")).click();
            await(b, By.id("charger:send"));
            new Select(b.findElement(By.id("field-requestedMessage"))).selectByValue("StatusNotification");
            b.findElement(By.id("charger:send")).click();
            JsonArray trigger = TokensIT.expect(cp, "TriggerMessage");
            assertEquals("StatusNotification", trigger.getJsonObject(3).getString("requestedMessage"));
            cp.reply(
                    trigger,
                    Json.createObjectBuilder().add("status", "Accepted").build());
            new WebDriverWait(b, Duration.ofSeconds(15))
                    .until(d -> d.findElements(By.id("answer-text")).stream()
                            .anyMatch(e -> e.getText().contains("\"Accepted\"")));
            screenshot(b, "console-charger");
            checkPage(b, "charger");

            // an operator's tag: accepted, then blocked from the console, and the charger is refused
            b.findElement(By.linkText("Id tags")).click();
            await(b, By.id("tags:register"));
            type(b, "tags:tag", "CONSOLETAG1");
            b.findElement(By.id("tags:register")).click();
            awaitText(b, "Id tag CONSOLETAG1 registered");
            assertEquals("Accepted", authorize(cp, "CONSOLETAG1"));
            b.findElement(
                            By.xpath(
                                    "//tr[td[contains(normalize-space(), 'CONSOLETAG1')]]//button[.//span[normalize-space()='Block']]"))
                    .click();
            new WebDriverWait(b, Duration.ofSeconds(10))
                    .until(ExpectedConditions.elementToBeClickable(By.id("tags:confirm-yes")))
                    .click();
            awaitText(b, "Id tag CONSOLETAG1 blocked");
            checkPage(b, "id tags");
            assertEquals("Blocked", authorize(cp, "CONSOLETAG1"));
        }

        // the audit log: filtered, and the same as CSV; the accounts page is a root's only
        b.findElement(By.linkText("Audit log")).click();
        await(b, By.id("audit:search"));
        type(b, "audit:action", "id-tag.");
        b.findElement(By.id("audit:search")).click();
        awaitText(b, "id-tag.change");
        assertFalse(b.findElement(By.id("audit:events")).getText().contains("auth.login"), "filtered by kind");
        checkPage(b, "audit log");
        String href = b.findElement(By.id("audit:csv")).getAttribute("href");
        String cookie = "JSESSIONID=" + b.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<String> csv = Http.get(href.substring(href.indexOf("/ocpi/")), "Cookie", cookie);
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("time,actor_type,actor,action,target,outcome,client_address,detail"));
        assertTrue(csv.body().contains("id-tag.change") && csv.body().contains("CONSOLETAG1"), csv.body());
        assertFalse(csv.body().contains("auth.login"));
        assertEquals(
                403, Http.get("/ocpi/admin/operators.xhtml", "Cookie", cookie).statusCode(), "an admin is no root");
        assertTrue(b.findElements(By.linkText("Accounts")).isEmpty(), "no menu entry for what an admin may not");

        // log out; then a wrong code, a recovery code (once), a code of the app
        logout(b);
        login(b, operator.email, operator.password, wrong(TestTotp.code(secret, 1)));
        assertTrue(message(b).contains("Wrong e-mail, password or code"), message(b));
        login(b, operator.email, operator.password, recovery.get(0));
        await(b, By.id("dashboard"));
        logout(b);
        login(b, operator.email, operator.password, recovery.get(0));
        assertTrue(message(b).contains("Wrong e-mail, password or code"), "a recovery code works once");
        login(b, operator.email, operator.password, TestTotp.code(secret, 1));
        await(b, By.id("dashboard"));
        logout(b);

        // left idle longer than the session timeout (15 s in the tests), on the live dashboard whose
        // refreshes are no actions: its next refresh sends the browser to the login page by itself
        login(b, operator.email, operator.password, recovery.get(1));
        await(b, By.id("dashboard"));
        new WebDriverWait(b, Duration.ofSeconds(40))
                .until(d -> d.getCurrentUrl().contains("login"));
        await(b, By.id("login:submit"));
        assertEquals(
                "4",
                Checks.value(
                        "select count(*) from audit_event where action = 'auth.console.open' and actor_id = ?",
                        Long.toString(operator.accountId)),
                "every console session opened is audited");
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @Test
    public void the_whole_login_works_without_a_browser_too() throws Exception {
        logsInWithoutABrowser(
                java.net.http.HttpClient.newBuilder()
                        .cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL))
                        .build(),
                ServerUnderTest.baseUrl());
    }

    /**
     * The console's login as a browser posts it, over a plain HTTP client with cookies (no
     * JavaScript is needed before the full login): password, enrolment, first code, recovery codes,
     * the dashboard, logout. {@code base}: the server's URL (on WildFly, production: HTTPS).
     */
    public static void logsInWithoutABrowser(java.net.http.HttpClient client, String base) throws Exception {
        String login = base + "/ocpi/admin/login.xhtml";
        HttpResponse<String> page = fetch(client, login, null);
        assertEquals(200, page.statusCode(), page.body());
        // a driver's account (no operator) opens nothing, with the right password
        Driver driver = Driver.signUp();
        HttpResponse<String> refusedDriver = fetch(
                client,
                login,
                form(
                        page.body(),
                        "login",
                        "login:email",
                        driver.email,
                        "login:password",
                        driver.password,
                        "login:code",
                        "",
                        "login:submit",
                        "Log in"));
        assertEquals(200, refusedDriver.statusCode(), "the login page again");
        assertTrue(refusedDriver.body().contains("Wrong e-mail, password or code"), refusedDriver.body());
        assertEquals(302, fetch(client, base + "/ocpi/admin/index.xhtml", null).statusCode());
        Driver operator = operator();
        page = fetch(client, login, null);
        HttpResponse<String> posted = fetch(
                client,
                login,
                form(
                        page.body(),
                        "login",
                        "login:email",
                        operator.email,
                        "login:password",
                        operator.password,
                        "login:code",
                        "",
                        "login:submit",
                        "Log in"));
        assertEquals(302, posted.statusCode(), posted.body());
        assertTrue(posted.headers().firstValue("Location").orElse("").endsWith("/ocpi/admin/enrol.xhtml"));
        String anonymousSession = cookie(client, base);
        // with the password only, nothing but the enrolment answers
        for (String path : consolePages()) {
            HttpResponse<String> refused = fetch(client, base + path, null);
            assertEquals(302, refused.statusCode(), path);
            assertTrue(refused.headers().firstValue("Location").orElse("").endsWith("/ocpi/admin/login.xhtml"));
        }
        String enrol = base + "/ocpi/admin/enrol.xhtml";
        page = fetch(client, enrol, null);
        assertEquals(200, page.statusCode(), page.body());
        java.util.regex.Matcher secret =
                java.util.regex.Pattern.compile("id=\"secret\">([A-Z2-7]+)<").matcher(page.body());
        assertTrue(secret.find(), page.body());
        TestTotp.atLeastLeftInStep(5);
        HttpResponse<String> confirmed = fetch(
                client,
                enrol,
                form(
                        page.body(),
                        "enrolment",
                        "enrolment:code",
                        TestTotp.code(secret.group(1), 0),
                        "enrolment:confirm",
                        "Confirm"));
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertEquals(
                10,
                java.util.regex.Pattern.compile("<li>[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}</li>")
                        .matcher(confirmed.body())
                        .results()
                        .count(),
                confirmed.body());
        HttpResponse<String> proceeded = fetch(
                client, enrol, form(confirmed.body(), "enrolment", "enrolment:proceed", "I have noted them: continue"));
        assertEquals(302, proceeded.statusCode(), proceeded.body());
        assertTrue(proceeded.headers().firstValue("Location").orElse("").endsWith("/ocpi/admin/index.xhtml"));
        HttpResponse<String> dashboard = fetch(client, base + "/ocpi/admin/index.xhtml", null);
        assertEquals(200, dashboard.statusCode(), dashboard.body());
        assertTrue(dashboard.body().contains("<h1>Dashboard</h1>"), dashboard.body());
        assertFalse(cookie(client, base).equals(anonymousSession), "the session id is renewed at login");
        HttpResponse<String> partners = fetch(client, base + "/ocpi/admin/partners.xhtml", null);
        assertEquals(200, partners.statusCode(), partners.body());
        assertTrue(partners.body().contains("Roaming partners"));
        assertFalse(fetch(client, enrol, null).body().contains("id=\"secret\""), "the secret is not shown again");

        // logout ends the session
        HttpResponse<String> out = fetch(
                client,
                base + "/ocpi/admin/index.xhtml",
                form(dashboard.body(), "session", "session:logout", "Log out"));
        assertEquals(302, out.statusCode(), out.body());
        assertEquals(302, fetch(client, base + "/ocpi/admin/index.xhtml", null).statusCode());

        // an operator a root disables is logged out at its next request
        String code = TestTotp.code(secret.group(1), 1);
        page = fetch(client, login, null);
        HttpResponse<String> again = fetch(
                client,
                login,
                form(
                        page.body(),
                        "login",
                        "login:email",
                        operator.email,
                        "login:password",
                        operator.password,
                        "login:code",
                        code,
                        "login:submit",
                        "Log in"));
        assertTrue(again.headers().firstValue("Location").orElse("").endsWith("/ocpi/admin/index.xhtml"), again.body());
        assertEquals(200, fetch(client, base + "/ocpi/admin/index.xhtml", null).statusCode());
        String root = Checks.value("select id from account where email = ?", ServerUnderTest.ROOT_EMAIL.toLowerCase());
        HttpResponse<String> disabled = Http.send(
                "PUT",
                "/csms/api/admin/accounts/" + operator.accountId + "/status",
                "{\"status\":\"DISABLED\"}",
                new String[] {"Authorization", "Bearer " + Tokens.valid(root, "root")});
        assertEquals(200, disabled.statusCode(), disabled.body());
        HttpResponse<String> after = fetch(client, base + "/ocpi/admin/index.xhtml", null);
        assertEquals(302, after.statusCode(), "a disabled operator's session ends");
        assertTrue(after.headers().firstValue("Location").orElse("").endsWith("/ocpi/admin/login.xhtml"));
    }

    /** The console's session cookie as the client holds it. */
    private static String cookie(java.net.http.HttpClient client, String base) {
        return client.cookieHandler()
                .map(h -> ((java.net.CookieManager) h)
                        .getCookieStore().get(java.net.URI.create(base)).stream()
                                .filter(c -> c.getName().equalsIgnoreCase("JSESSIONID"))
                                .map(java.net.HttpCookie::getValue)
                                .findFirst()
                                .orElse(""))
                .orElse("");
    }

    private static HttpResponse<String> fetch(java.net.http.HttpClient client, String url, String form)
            throws Exception {
        var request =
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofSeconds(30));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The fields of a Faces form as a browser posts them: its own id, the view state, the given ones. */
    private static String form(String page, String formId, String... fields) {
        java.util.regex.Matcher state = java.util.regex.Pattern.compile(
                        "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
                .matcher(page);
        assertTrue(state.find(), "no view state in " + page);
        StringBuilder body = new StringBuilder(formId + "=" + formId);
        body.append("&jakarta.faces.ViewState=").append(encode(state.group(1)));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
        }
        return body.toString();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A new account made an admin by the root (through the operator API). */
    static Driver operator() throws java.sql.SQLException {
        Driver driver = Driver.signUp();
        String root = Checks.value("select id from account where email = ?", ServerUnderTest.ROOT_EMAIL.toLowerCase());
        HttpResponse<String> promoted = Http.send(
                "PUT", "/csms/api/admin/accounts/" + driver.accountId + "/operator", "{\"admin\":true}", new String[] {
                    "Authorization", "Bearer " + Tokens.valid(root, "root")
                });
        assertEquals(200, promoted.statusCode(), promoted.body());
        return driver;
    }

    static WebDriver browser() {
        if (browser == null) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--window-size=1280,800");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            browser = new ChromeDriver(service, options);
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        }
        return browser;
    }

    static void login(WebDriver b, String email, String password, String code) {
        if (!b.getCurrentUrl().contains("login.xhtml")) {
            b.get(ServerUnderTest.baseUrl() + "/ocpi/admin/login.xhtml");
        }
        type(b, "login:email", email);
        type(b, "login:password", password);
        type(b, "login:code", code);
        b.findElement(By.id("login:submit")).click();
    }

    static void logout(WebDriver b) {
        b.findElement(By.id("session:logout")).click();
        await(b, By.id("login:submit"));
    }

    static void type(WebDriver b, String id, String text) {
        WebElement field = b.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    static WebElement await(WebDriver b, By what) {
        return new WebDriverWait(b, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(what));
    }

    private static String authorize(OcppClient cp, String idTag) {
        return ChargingSessionIT.confOf(
                        cp,
                        "Authorize",
                        Json.createObjectBuilder().add("idTag", idTag).build())
                .getJsonObject("idTagInfo")
                .getString("status");
    }

    /**
     * The page as a user meets it: axe-core (from its webjar) finds no serious or critical
     * accessibility violation, and there is no horizontal scroll at 1280×800 nor at 768×1024.
     */
    static void checkPage(WebDriver b, String name) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) b;
        if (AXE == null) {
            try (var in = ConsoleIT.class.getResourceAsStream(
                    "/META-INF/resources/webjars/axe-core/" + AXE_VERSION + "/axe.min.js")) {
                AXE = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        js.executeScript(AXE);
        b.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object violations = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(JSON.stringify(r.violations"
                + "    .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + "    .map(function (v) { return {id: v.id, help: v.help,"
                + "      nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' '); })}; })));"
                + "}, function (e) { done('axe failed: ' + e); });");
        assertEquals("[]", violations, name + ": accessibility violations " + violations);
        for (org.openqa.selenium.Dimension size :
                List.of(new org.openqa.selenium.Dimension(1280, 800), new org.openqa.selenium.Dimension(768, 1024))) {
            b.manage().window().setSize(size);
            Object overflow = js.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(((Number) overflow).intValue() <= 0, name + " scrolls sideways at " + size + " by " + overflow);
        }
        b.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
    }

    static final String AXE_VERSION = "4.6.3";
    private static String AXE;

    /** Answers yes in the confirmation dialog that opened. */
    static void confirm(WebDriver b) {
        new WebDriverWait(b, Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.id("partner:confirm-yes")))
                .click();
    }

    /** Waits until the page says {@code text} (a message of an AJAX action). */
    static void awaitText(WebDriver b, String text) {
        new WebDriverWait(b, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    static String message(WebDriver b) {
        return await(b, By.cssSelector(".error, .ui-messages-error")).getText();
    }

    /** Another code of the same length (a wrong one). */
    static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    /** A screenshot of the page for README, kept in {@code docs/screenshots}. */
    static void screenshot(WebDriver b, String name) throws java.io.IOException {
        Path dir = Path.of(System.getProperty("csms.it.screenshots", "../docs/screenshots"));
        Files.createDirectories(dir);
        Files.write(
                dir.resolve(name + ".png"),
                ((org.openqa.selenium.TakesScreenshot) b).getScreenshotAs(OutputType.BYTES));
    }
}
