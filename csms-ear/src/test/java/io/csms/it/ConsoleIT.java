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
    static final List<String> OPEN_PAGES = List.of("login.xhtml", "enrol.xhtml", "error.xhtml");

    static List<String> consolePages() {
        try (var files = Files.list(Path.of("../csms-ocpi/src/main/webapp"))) {
            List<String> pages = files.map(f -> f.getFileName().toString())
                    // the pages open to anyone: the login, the enrolment (after the password) and the
                    // error page, which shows nothing of the error
                    .filter(name -> name.endsWith(".xhtml") && !OPEN_PAGES.contains(name))
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
                "/ocpi/admin/upload?id=1",
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
        HttpResponse<String> upload = http.send(
                "POST",
                "/ocpi/admin/firmware.xhtml",
                "--x\r\nContent-Disposition: form-data; name=\"upload:file\"; filename=\"fw.bin\"\r\n\r\nfw\r\n--x--\r\n",
                "Content-Type",
                "multipart/form-data; boundary=x");
        assertTrue(
                upload.statusCode() == 302 || upload.statusCode() == 403,
                "an anonymous upload is sent away or refused, not read: " + upload.statusCode());
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
        assumeBrowser();
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
        b.findElement(By.id("copy-token-a")).click();
        new WebDriverWait(b, Duration.ofSeconds(5))
                .until(d -> !d.findElement(By.id("copy-token-a")).getText().equals("Copy"));
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
            emsp.receivesLocations = true;
            emsp.receivesSessions = true;
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
            // its onboarding checklist, with a test call of each of its modules
            b.findElement(By.linkText("Onboarding checklist")).click();
            await(b, By.id("onboarding:test"));
            String steps = b.findElement(By.id("onboarding:steps")).getText();
            assertTrue(steps.contains("Credentials exchanged DONE"), steps);
            assertTrue(steps.contains("Modules granted DONE") && steps.contains("commands"), steps);
            assertTrue(
                    steps.contains("Their OCPI endpoint over TLS FAILED"), "the test partner is plain HTTP: " + steps);
            b.findElement(By.id("onboarding:test")).click();
            await(b, By.id("onboarding:probes"));
            String probes = b.findElement(By.id("onboarding:probes")).getText();
            assertTrue(probes.contains("credentials SENDER OK"), probes);
            assertTrue(probes.contains("locations RECEIVER OK"), probes);
            assertTrue(probes.contains("sessions RECEIVER OK"), probes);
            checkPage(b, "onboarding");
            b.findElement(By.linkText("Back to the partner")).click();
            await(b, By.id("partner:revoke"));
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

    @Test
    public void an_operator_follows_a_charger_updates_its_firmware_and_fetches_its_diagnostics() throws Exception {
        WebDriver b = operatorInBrowser();
        String tag = ChargingSessionIT.idTag("CONSOLE-FW-TAG", "Accepted");
        try (OcppClient cp = ChargingSessionIT.bootedCharger("CP-CONSOLE-FW")) {
            // a session with meter values: energy register and power
            java.time.Instant start = java.time.Instant.now().minusSeconds(300);
            int transactionId = ChargingSessionIT.confOf(
                            cp,
                            "StartTransaction",
                            Json.createObjectBuilder()
                                    .add("connectorId", 1)
                                    .add("idTag", tag)
                                    .add("meterStart", 10_000)
                                    .add("timestamp", start.toString())
                                    .build())
                    .getInt("transactionId");
            var meterValues = Json.createArrayBuilder();
            for (int i = 1; i <= 4; i++) {
                meterValues.add(Json.createObjectBuilder()
                        .add("timestamp", start.plusSeconds(60L * i).toString())
                        .add(
                                "sampledValue",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("value", Integer.toString(10_000 + 500 * i))
                                                .add("measurand", "Energy.Active.Import.Register")
                                                .add("unit", "Wh"))
                                        .add(Json.createObjectBuilder()
                                                .add("value", "30000")
                                                .add("measurand", "Power.Active.Import")
                                                .add("unit", "W"))));
            }
            ChargingSessionIT.confOf(
                    cp,
                    "MeterValues",
                    Json.createObjectBuilder()
                            .add("connectorId", 1)
                            .add("transactionId", transactionId)
                            .add("meterValue", meterValues)
                            .build());
            ChargingSessionIT.confOf(
                    cp,
                    "StopTransaction",
                    Json.createObjectBuilder()
                            .add("transactionId", transactionId)
                            .add("idTag", tag)
                            .add("meterStop", 12_000)
                            .add("timestamp", start.plusSeconds(250).toString())
                            .build());
            ChargingSessionIT.confOf(
                    cp,
                    "SecurityEventNotification",
                    Json.createObjectBuilder()
                            .add("type", "InvalidFirmwareSignature")
                            .add("timestamp", java.time.Instant.now().toString())
                            .add("techInfo", "console test")
                            .build());

            // the dashboard counts today's session and its energy, in a chart and as a table
            // (the figures are read at most every 30 s: a reload shows them within that)
            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            new WebDriverWait(b, Duration.ofSeconds(45), Duration.ofSeconds(3)).until(d -> {
                d.get(ServerUnderTest.baseUrl() + "/ocpi/admin/index.xhtml");
                await(d, By.cssSelector("[id='dashboard:daily'] canvas"));
                List<WebElement> days = d.findElements(By.cssSelector("[id='dashboard:days'] tbody tr"));
                assertEquals(14, days.size(), "two weeks of days");
                List<WebElement> cells = days.get(13).findElements(By.tagName("td"));
                assertEquals(today, cells.get(0).getAttribute("textContent").strip());
                return Integer.parseInt(cells.get(1).getAttribute("textContent").strip()) >= 1;
            });

            // a firmware image uploaded in the console
            Path image = Files.createTempFile("firmware-", ".bin");
            byte[] firmware = new byte[300_000];
            new java.util.Random(7).nextBytes(firmware);
            Files.write(image, firmware);
            b.findElement(By.linkText("Firmware")).click();
            await(b, By.id("upload:send"));
            b.findElement(By.id("upload:file")).sendKeys(image.toAbsolutePath().toString());
            type(b, "upload:version", "2.0.1");
            b.findElement(By.id("upload:send")).click();
            awaitText(b, "uploaded");
            String sha256 = java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(firmware));
            assertTrue(b.findElement(By.id("images:list")).getText().contains(sha256), "listed with its SHA-256");
            checkPage(b, "firmware");

            // the charger's page: its transaction with a meter-value chart, its security event
            b.get(ServerUnderTest.baseUrl() + "/ocpi/admin/charger.xhtml?id=CP-CONSOLE-FW");
            await(b, By.id("charger:transactions"));
            assertTrue(b.findElement(By.id("charger:transactions")).getText().contains(tag));
            assertTrue(b.findElement(By.id("charger:transactions")).getText().contains("2.00"), "2 kWh charged");
            assertTrue(b.findElement(By.id("charger:security-events")).getText().contains("InvalidFirmwareSignature"));
            b.findElement(By.cssSelector("[id='charger:transactions'] button")).click();
            await(b, By.cssSelector("[id='charger:meter-chart'] canvas"));
            List<String> meterRows = b.findElements(By.cssSelector("[id='charger:meter-values'] tbody tr")).stream()
                    .map(r -> r.getAttribute("textContent")
                            .replaceAll("\\s+", " ")
                            .strip())
                    .toList();
            assertEquals(4, meterRows.size(), meterRows.toString());
            assertTrue(meterRows.get(3).endsWith("12.00 30.00"), meterRows.toString());
            checkPage(b, "charger records");

            // GetConfiguration's answer as a table
            // an operation's form can be linked to
            b.get(ServerUnderTest.baseUrl() + "/ocpi/admin/charger.xhtml?id=CP-CONSOLE-FW&operation=GetConfiguration");
            await(b, By.id("field-key"));
            b.findElement(By.id("charger:send")).click();
            JsonArray get = TokensIT.expect(cp, "GetConfiguration");
            cp.reply(
                    get,
                    Json.createObjectBuilder()
                            .add(
                                    "configurationKey",
                                    Json.createArrayBuilder()
                                            .add(Json.createObjectBuilder()
                                                    .add("key", "HeartbeatInterval")
                                                    .add("readonly", false)
                                                    .add("value", "300"))
                                            .add(Json.createObjectBuilder()
                                                    .add("key", "NumberOfConnectors")
                                                    .add("readonly", true)
                                                    .add("value", "2")))
                            .add("unknownKey", Json.createArrayBuilder().add("NoSuchKey"))
                            .build());
            WebElement configuration = await(b, By.id("charger:configuration"));
            assertTrue(configuration.getText().contains("HeartbeatInterval 300 no"), configuration.getText());
            assertTrue(configuration.getText().contains("NumberOfConnectors 2 yes"), configuration.getText());
            assertTrue(b.findElement(By.id("charger:unknown-keys")).getText().contains("NoSuchKey"));

            // UpdateFirmware with a URL of ours that serves the image, to this charger's token only
            new Select(b.findElement(By.id("charger:firmware"))).selectByVisibleText(image.getFileName() + " 2.0.1");
            b.findElement(By.id("charger:update-firmware")).click();
            JsonArray update = TokensIT.expect(cp, "UpdateFirmware");
            String location = update.getJsonObject(3).getString("location");
            assertTrue(location.startsWith(ServerUnderTest.baseUrl() + "/csms/files/"), location);
            cp.reply(update, Json.createObjectBuilder().build());
            new WebDriverWait(b, Duration.ofSeconds(15))
                    .until(ExpectedConditions.invisibilityOfElementLocated(By.id("charger:configuration")));
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            HttpResponse<byte[]> fetched = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(location))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, fetched.statusCode());
            assertTrue(java.util.Arrays.equals(firmware, fetched.body()), "the charger gets the uploaded image");
            String otherToken = "A".repeat(43);
            assertEquals(
                    404, Http.get("/csms/files/" + otherToken + "/firmware").statusCode(), "a guessed link");
            for (String status : List.of("Downloading", "Downloaded", "Installing", "Installed")) {
                ChargingSessionIT.confOf(
                        cp,
                        "FirmwareStatusNotification",
                        Json.createObjectBuilder().add("status", status).build());
            }

            // GetDiagnostics to an upload URL of ours: the charger's file is kept for the operator
            b.findElement(By.id("charger:get-diagnostics")).click();
            JsonArray diagnostics = TokensIT.expect(cp, "GetDiagnostics");
            String upload = diagnostics.getJsonObject(3).getString("location");
            cp.reply(
                    diagnostics,
                    Json.createObjectBuilder()
                            .add("fileName", "diag-console.zip")
                            .build());
            awaitText(b, "diag-console.zip");
            byte[] report = "diagnostics of CP-CONSOLE-FW".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            HttpResponse<String> uploaded = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(upload))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(report))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, uploaded.statusCode(), uploaded.body());
            HttpResponse<String> again = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(upload))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(report))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(409, again.statusCode(), "an upload URL takes one file");
            ChargingSessionIT.confOf(
                    cp,
                    "DiagnosticsStatusNotification",
                    Json.createObjectBuilder().add("status", "Uploaded").build());

            // GetLog (security extension): the log comes as the file part of a multipart form
            b.findElement(By.id("charger:get-log")).click();
            JsonArray getLog = TokensIT.expect(cp, "GetLog");
            JsonObject logRequest = getLog.getJsonObject(3);
            assertEquals("DiagnosticsLog", logRequest.getString("logType"));
            String logUpload = logRequest.getJsonObject("log").getString("remoteLocation");
            int requestId = logRequest.getInt("requestId");
            cp.reply(
                    getLog,
                    Json.createObjectBuilder()
                            .add("status", "Accepted")
                            .add("filename", "cp.log")
                            .build());
            awaitText(b, "\"Accepted\"");
            String boundary = "csms-" + System.nanoTime();
            String form = "--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cp-console.log\"\r\n"
                    + "Content-Type: text/plain\r\n\r\nlog line 1\nlog line 2\r\n--" + boundary + "--\r\n";
            HttpResponse<String> logged = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(logUpload))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, logged.statusCode(), logged.body());
            ChargingSessionIT.confOf(
                    cp,
                    "LogStatusNotification",
                    Json.createObjectBuilder()
                            .add("status", "Uploaded")
                            .add("requestId", requestId)
                            .build());
            b.navigate().refresh();
            await(b, By.id("charger:activities"));
            String activities = b.findElement(By.id("charger:activities")).getText();
            assertTrue(
                    activities.contains("FIRMWARE Installed") && activities.contains("FIRMWARE Downloading"),
                    activities);
            assertTrue(activities.contains("DIAGNOSTICS Uploaded"), activities);
            assertTrue(activities.contains("LOG Uploaded " + requestId), activities);
            String transfers = b.findElement(By.id("charger:transfers")).getText();
            assertTrue(transfers.contains("fetched"), transfers);
            WebElement download = b.findElement(By.linkText("diag-console.zip"));
            String href = download.getAttribute("href");
            String cookie =
                    "JSESSIONID=" + b.manage().getCookieNamed("JSESSIONID").getValue();
            HttpResponse<String> got = Http.get(href.substring(href.indexOf("/ocpi/")), "Cookie", cookie);
            assertEquals(200, got.statusCode());
            assertEquals("diagnostics of CP-CONSOLE-FW", got.body());
            String logHref = b.findElement(By.linkText("cp-console.log")).getAttribute("href");
            assertEquals(
                    "log line 1\nlog line 2",
                    Http.get(logHref.substring(logHref.indexOf("/ocpi/")), "Cookie", cookie)
                            .body());
            assertEquals(302, Http.get(href.substring(href.indexOf("/ocpi/"))).statusCode(), "only after a login");
            screenshot(b, "console-charger-records");
            checkPage(b, "charger files");
        }
        logout(b);
    }

    @Test
    public void an_operator_imports_tags_finds_a_driver_and_blocks_the_driver() throws Exception {
        WebDriver b = operatorInBrowser();

        // id tags from CSV: a wrong line imports nothing and is named; a right file imports all
        Path wrongCsv = Files.createTempFile("tags-", ".csv");
        Files.writeString(
                wrongCsv,
                "id_tag,status,expiry_date,parent_id_tag,label\r\nCSVTAG-1,Accepted,,CSVFLEET,Van 1\r\n"
                        + "CSVTAG-2,Sleeping,,,\r\n");
        b.findElement(By.linkText("Id tags")).click();
        await(b, By.id("import:send"));
        b.findElement(By.id("import:csv")).sendKeys(wrongCsv.toAbsolutePath().toString());
        b.findElement(By.id("import:send")).click();
        awaitText(b, "Nothing imported: line 3: status");
        assertEquals("0", Checks.value("select count(*) from id_tag where id_tag like ?", "CSVTAG-%"));
        Path csv = Files.createTempFile("tags-", ".csv");
        Files.writeString(
                csv,
                "id_tag,status,expiry_date,parent_id_tag,label\r\nCSVTAG-1,Accepted,2030-01-01T00:00:00Z,CSVFLEET,"
                        + "\"Van 1, north\"\r\nCSVTAG-2,Blocked,,,\r\n");
        b.findElement(By.id("import:csv")).sendKeys(csv.toAbsolutePath().toString());
        b.findElement(By.id("import:send")).click();
        awaitText(b, "Imported: 2 id tags registered, 0 changed.");
        assertEquals(
                "Accepted|CSVFLEET|Van 1, north",
                Checks.value(
                        "select status || '|' || parent_id_tag || '|' || label from id_tag where id_tag = ?",
                        "CSVTAG-1"));
        assertEquals("Blocked", Checks.value("select status from id_tag where id_tag = ?", "CSVTAG-2"));
        checkPage(b, "id tags import");
        // a tag's settings changed: its form is filled in, a field changed, the rest kept
        type(b, "tags:prefix", "CSVTAG-1");
        b.findElement(By.id("tags:search")).click();
        new WebDriverWait(b, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("[id='tags:table'] tbody tr"))
                                .size()
                        == 1);
        clickFresh(
                b,
                By.xpath(
                        "//tr[td[contains(normalize-space(), 'CSVTAG-1')]]//button[.//span[normalize-space()='Edit']]"));
        new WebDriverWait(b, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d ->
                        "CSVFLEET".equals(d.findElement(By.id("tags:parent")).getAttribute("value")));
        type(b, "tags:label", "Van 2");
        b.findElement(By.id("tags:change")).click();
        awaitText(b, "Id tag CSVTAG-1 changed.");
        assertEquals(
                "Van 2|CSVFLEET|2030-01-01 00:00:00+00",
                Checks.value(
                        "select label || '|' || parent_id_tag || '|' || (expiry_date at time zone 'UTC') || '+00'"
                                + " from id_tag where id_tag = ?",
                        "CSVTAG-1"));
        // the same through the operator API: a known tag is changed
        HttpResponse<String> imported = Http.send(
                "POST",
                "/csms/api/admin/id-tags/import",
                "id_tag,status\nCSVTAG-2,Accepted\nCSVTAG-3,\n",
                new String[] {"Content-Type", "text/csv", Admin.bearer()[0], Admin.bearer()[1]});
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(1, Http.json(imported).getInt("registered"));
        assertEquals(1, Http.json(imported).getInt("changed"));
        assertEquals("Accepted", Checks.value("select status from id_tag where id_tag = ?", "CSVTAG-2"));
        HttpResponse<String> refused =
                Http.send("POST", "/csms/api/admin/id-tags/import", "tag\nCSVTAG-9\n", new String[] {
                    "Content-Type", "text/csv", Admin.bearer()[0], Admin.bearer()[1]
                });
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        // a driver with a vehicle and a session: found by e-mail, seen, blocked, let in again
        Driver driver = Driver.signUp();
        HttpResponse<String> vehicle = driver.post(
                "/csms/api/me/vehicles",
                "{\"label\":\"Family car\",\"make\":\"Renault\",\"model\":\"Zoe\",\"batteryKwh\":52}");
        assertEquals(201, vehicle.statusCode(), vehicle.body());
        b.findElement(By.linkText("Drivers")).click();
        await(b, By.id("drivers:search"));
        type(b, "drivers:prefix", driver.email.toLowerCase().substring(0, 15));
        b.findElement(By.id("drivers:search")).click();
        new WebDriverWait(b, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("[id='drivers:accounts'] tbody tr"))
                                        .size()
                                == 1
                        && d.findElement(By.id("drivers:accounts")).getText().contains(driver.email.toLowerCase()));
        clickFresh(b, By.cssSelector("[id='drivers:accounts'] button"));
        await(b, By.id("drivers:vehicles"));
        assertTrue(b.findElement(By.id("drivers:vehicles")).getText().contains("Renault"));
        assertTrue(b.findElement(By.id("drivers:cards")).getText().contains(driver.idTag), "the app's tag");
        assertEquals("ACTIVE", b.findElement(By.id("driver-status")).getText());
        screenshot(b, "console-drivers");
        checkPage(b, "drivers");
        b.findElement(By.id("drivers:block")).click();
        new WebDriverWait(b, Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.id("drivers:confirm-yes")))
                .click();
        awaitText(b, "The driver is blocked");
        assertEquals("DISABLED", b.findElement(By.id("driver-status")).getText());
        HttpResponse<String> login =
                Http.post("/csms/api/auth/login", Driver.credentials(driver.email, driver.password));
        assertFalse(login.statusCode() == 200, "a blocked driver cannot log in: " + login.body());
        assertEquals(
                401,
                Http.post("/csms/api/auth/refresh", "{\"refreshToken\":\"" + driver.refreshToken + "\"}")
                        .statusCode(),
                "the app's sessions end");
        b.findElement(By.id("drivers:unblock")).click();
        awaitText(b, "The driver may log in again");
        assertEquals(
                200,
                Http.post("/csms/api/auth/login", Driver.credentials(driver.email, driver.password))
                        .statusCode());
        logout(b);
    }

    @Test
    public void an_operator_edits_the_tariffs_and_locations_partners_are_given() throws Exception {
        WebDriver b = operatorInBrowser();
        JavascriptExecutor js = (JavascriptExecutor) b;

        // a tariff made from the page's starting point; a wrong one is refused and changes nothing
        b.findElement(By.linkText("Tariffs")).click();
        await(b, By.id("objects:create"));
        type(b, "objects:new-id", "TAR-CONSOLE");
        b.findElement(By.id("objects:create")).click();
        await(b, By.id("objects:save")).click();
        awaitText(b, "Tariff TAR-CONSOLE saved");
        assertEquals(
                200,
                Http.get("/csms/api/admin/tariffs/TAR-CONSOLE", Admin.bearer()).statusCode());
        String json = (String) js.executeScript("return document.getElementById('objects:json').value;");
        js.executeScript(
                "document.getElementById('objects:json').value = arguments[0];", json.replace("\"EUR\"", "\"EU\""));
        b.findElement(By.id("objects:save")).click();
        awaitText(b, "currency");
        assertTrue(message(b).contains("currency"), message(b));
        assertEquals(
                "EUR",
                Http.json(Http.get("/csms/api/admin/tariffs/TAR-CONSOLE", Admin.bearer()))
                        .getString("currency"),
                "nothing changed");
        checkPage(b, "tariffs");

        // a location whose EVSE is a registered charger's connector, then deleted
        Admin.registerCharger("CP-CONSOLE-LOC");
        b.findElement(By.linkText("Locations")).click();
        await(b, By.id("objects:create"));
        type(b, "objects:new-id", "LOC-CONSOLE");
        b.findElement(By.id("objects:create")).click();
        await(b, By.id("objects:save"));
        json = (String) js.executeScript("return document.getElementById('objects:json').value;");
        b.findElement(By.id("objects:save")).click();
        awaitText(b, "charge_point_id");
        assertEquals(
                404,
                Http.get("/csms/api/admin/locations/LOC-CONSOLE", Admin.bearer())
                        .statusCode());
        js.executeScript(
                "document.getElementById('objects:json').value = arguments[0];",
                json.replaceFirst("\"charge_point_id\": *\"\"", "\"charge_point_id\": \"CP-CONSOLE-LOC\"")
                        .replace("\"name\": \"\"", "\"name\": \"Console square\"")
                        .replace("\"address\": \"\"", "\"address\": \"Dam 1\"")
                        .replace("\"city\": \"\"", "\"city\": \"Amsterdam\""));
        b.findElement(By.id("objects:save")).click();
        awaitText(b, "Location LOC-CONSOLE saved");
        HttpResponse<String> saved = Http.get("/csms/api/admin/locations/LOC-CONSOLE", Admin.bearer());
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals("Console square", Http.json(saved).getString("name"));
        assertTrue(b.findElement(By.id("objects:table")).getText().contains("Console square"));
        screenshot(b, "console-locations");
        checkPage(b, "locations");
        b.findElement(By.id("objects:delete")).click();
        new WebDriverWait(b, Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.id("objects:confirm-yes")))
                .click();
        awaitText(b, "Location LOC-CONSOLE deleted");
        assertEquals(
                404,
                Http.get("/csms/api/admin/locations/LOC-CONSOLE", Admin.bearer())
                        .statusCode());
        logout(b);
    }

    @Test
    public void the_admin_surfaces_answer_only_the_allowed_addresses() {
        // csms.admin.allowed-addresses is 127.0.0.1 and ::1 on this server: 127.0.0.61 is elsewhere
        assertEquals(403, Http.getFrom("127.0.0.61", "/ocpi/admin/login.xhtml").status(), "not even the login page");
        Http.Answer api = Http.getFrom("127.0.0.61", "/csms/api/admin/chargers", Admin.bearer());
        assertEquals(403, api.status(), api.body());
        assertTrue(api.headers().getOrDefault("content-type", "").startsWith("application/problem+json"));
        // the doors of drivers, partners and chargers are not concerned
        assertEquals(401, Http.getFrom("127.0.0.61", "/csms/api/me").status());
        assertEquals(200, Http.getFrom("127.0.0.61", "/ocpi/versions").status(), "open data is on here");
        assertEquals(200, Http.get("/ocpi/admin/login.xhtml").statusCode());
        assertEquals(200, Http.get("/csms/api/admin/chargers", Admin.bearer()).statusCode());
    }

    @Test
    public void repeated_login_failures_are_an_alert_on_the_dashboard_and_in_the_metrics() throws Exception {
        metricsShowAnAlertForRepeatedLoginFailures(Http.PLAIN, "127.0.0.63");
        WebDriver b = operatorInBrowser();
        WebElement alerts = await(b, By.id("dashboard:alerts"));
        assertTrue(alerts.getText().contains("AUTH_FAILURES_ADDRESS 127.0.0.63"), alerts.getText());
        logout(b);
    }

    /**
     * {@code /csms/metrics}: refused without the scraper's token; with it, the Prometheus text with
     * the chargers, the JVM, and an alert once {@code address} failed to log in ten times.
     */
    public static void metricsShowAnAlertForRepeatedLoginFailures(Http.Client http, String address)
            throws InterruptedException {
        assertEquals(401, http.get("/csms/metrics").statusCode());
        assertEquals(
                401,
                http.get("/csms/metrics", "Authorization", basic("prometheus", "wrong"))
                        .statusCode());
        assertEquals(
                401,
                http.get("/csms/metrics", "Authorization", "Bearer " + ServerUnderTest.METRICS_TOKEN)
                        .statusCode());
        for (int i = 0; i < 10; i++) {
            Http.requestFrom(
                    address,
                    "POST",
                    "/csms/api/auth/login",
                    Driver.credentials("nobody-" + i + "@example.org", "Not-the-password-1"));
        }
        String pattern = "csms_alerts{application=\"csms\",kind=\"auth_failures_address\"} ";
        String body = "";
        for (int tries = 0; tries < 20; tries++) {
            HttpResponse<String> metrics =
                    http.get("/csms/metrics", "Authorization", basic("prometheus", ServerUnderTest.METRICS_TOKEN));
            assertEquals(200, metrics.statusCode(), metrics.body());
            assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            body = metrics.body();
            int at = body.indexOf(pattern);
            assertTrue(at >= 0, body);
            if (Double.parseDouble(body.substring(at + pattern.length()).split("\\s")[0]) >= 1) {
                break;
            }
            Thread.sleep(1000);
        }
        assertTrue(body.contains("csms_chargers{application=\"csms\",state=\"registered\"}"), body);
        assertTrue(body.contains("csms_chargers{application=\"csms\",state=\"connected\"}"), body);
        assertTrue(body.contains("jvm_memory_used_bytes"), body);
        int at = body.indexOf(pattern);
        assertTrue(Double.parseDouble(body.substring(at + pattern.length()).split("\\s")[0]) >= 1, body);
    }

    private static String basic(String user, String password) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The browser tests run where Chromium is installed (CI always has it). */
    static void assumeBrowser() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and its driver (Debian packages chromium, chromium-driver) are not installed");
    }

    /** The browser, with an operator logged in (see {@link #loggedIn}). */
    static WebDriver operatorInBrowser() throws Exception {
        assumeBrowser();
        WebDriver b = browser();
        loggedIn(b);
        return b;
    }

    private static Driver shared;
    private static final java.util.Deque<String> SHARED_RECOVERY = new java.util.ArrayDeque<>();

    /**
     * Logs an operator in, for the tests that are about what comes after the login: one operator
     * enrolled once, then logged in with its recovery codes (no wait for a fresh TOTP step).
     */
    static void loggedIn(WebDriver b) throws Exception {
        if (shared == null || SHARED_RECOVERY.isEmpty()) {
            shared = operator();
            enrolled(b, shared);
            return;
        }
        b.manage().deleteAllCookies();
        b.get(ServerUnderTest.baseUrl() + "/ocpi/admin/login.xhtml");
        login(b, shared.email, shared.password, SHARED_RECOVERY.pop());
        await(b, By.id("dashboard"));
    }

    /** Logs {@code operator} in for the first time in {@code b}: password, enrolment, a first code; returns its secret. */
    static String enrolled(WebDriver b, Driver operator) throws InterruptedException {
        b.manage().deleteAllCookies();
        // a fresh login page: a view of the session just dropped would be expired
        b.get(ServerUnderTest.baseUrl() + "/ocpi/admin/login.xhtml");
        login(b, operator.email, operator.password, "");
        await(b, By.id("enrolment:confirm"));
        String secret = b.findElement(By.id("secret")).getText().strip();
        TestTotp.atLeastLeftInStep(8);
        type(b, "enrolment:code", TestTotp.code(secret, 0));
        b.findElement(By.id("enrolment:confirm")).click();
        WebElement proceed = await(b, By.id("enrolment:proceed"));
        if (operator == shared) {
            SHARED_RECOVERY.clear();
            b.findElements(By.cssSelector("#recovery-codes li")).forEach(li -> SHARED_RECOVERY.add(li.getText()));
        }
        proceed.click();
        await(b, By.id("dashboard"));
        return secret;
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
        // a post whose view the server no longer has loads the page again: no error, no stack trace
        HttpResponse<String> expired = fetch(
                client,
                base + "/ocpi/admin/index.xhtml",
                "dashboard=dashboard&jakarta.faces.ViewState=stale-" + System.nanoTime());
        assertTrue(expired.statusCode() == 302 || expired.statusCode() == 200, expired.statusCode() + expired.body());
        assertFalse(stackTrace(expired.body()), expired.body());
        assertEquals(200, fetch(client, base + "/ocpi/admin/error.xhtml", null).statusCode());
        String errorPage = fetch(client, base + "/ocpi/admin/error.xhtml", null).body();
        assertFalse(stackTrace(errorPage), errorPage);
        assertEquals(200, fetch(client, base + "/ocpi/admin/index.xhtml", null).statusCode(), "still logged in");

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

    /** Whether a page shows a stack trace or an exception's message. */
    static boolean stackTrace(String body) {
        return java.util.regex.Pattern.compile("\\bat [a-z][\\w.$]+\\([\\w$]+\\.java:\\d+\\)|[A-Z]\\w*Exception:")
                .matcher(body)
                .find();
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
        // by keyboard only: the fields in order, Enter submits
        WebElement field = b.findElement(By.id("login:email"));
        field.clear();
        field.sendKeys(email, org.openqa.selenium.Keys.TAB);
        assertEquals("login:password", b.switchTo().activeElement().getAttribute("id"), "Tab leads to the password");
        b.switchTo().activeElement().sendKeys(password, org.openqa.selenium.Keys.TAB);
        assertEquals("login:code", b.switchTo().activeElement().getAttribute("id"), "Tab leads to the code");
        b.switchTo().activeElement().sendKeys(code, org.openqa.selenium.Keys.ENTER);
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
        keyboardReaches(b, name);
        for (org.openqa.selenium.Dimension size :
                List.of(new org.openqa.selenium.Dimension(1280, 800), new org.openqa.selenium.Dimension(768, 1024))) {
            b.manage().window().setSize(size);
            Object overflow = js.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(((Number) overflow).intValue() <= 0, name + " scrolls sideways at " + size + " by " + overflow);
        }
        b.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
    }

    /**
     * The page works from the keyboard: Tab moves the focus from one visible control to the next
     * (none is skipped into hiding, none holds the focus), and reaches the page's content, not only
     * the menu.
     */
    static void keyboardReaches(WebDriver b, String name) {
        JavascriptExecutor js = (JavascriptExecutor) b;
        js.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);"
                + "window.csmsFocusLast = null; window.csmsFocusSeen = new Set();");
        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(b);
        boolean content = false;
        int afterContent = 0;
        for (int i = 0; i < 40 && afterContent < 8; i++) {
            keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
            // the elements themselves are compared, in the page (two controls may look alike)
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> focused = (java.util.Map<String, Object>)
                    js.executeScript("var e = document.activeElement; if (!e || e === document.body) return null;"
                            + "var s = getComputedStyle(e);"
                            + "var stays = window.csmsFocusLast === e; window.csmsFocusLast = e;"
                            + "var again = window.csmsFocusSeen.has(e); window.csmsFocusSeen.add(e);"
                            + "return {id: e.id, tag: e.tagName, stays: stays, again: again,"
                            + " visible: e.getClientRects().length > 0 && s.visibility !== 'hidden'"
                            + "  && s.display !== 'none', inMain: !!e.closest('main')};");
            if (focused == null) {
                break; // past the last control
            }
            assertTrue(
                    Boolean.TRUE.equals(focused.get("visible")),
                    name + ": the keyboard focus went to a hidden " + focused.get("tag") + " " + focused.get("id"));
            assertFalse(
                    Boolean.TRUE.equals(focused.get("stays")),
                    name + ": the focus stays on " + focused.get("tag") + " " + focused.get("id"));
            content |= Boolean.TRUE.equals(focused.get("inMain"));
            if (content) {
                afterContent++; // some way into the content is enough: the rest is more of the same
            }
            if (Boolean.TRUE.equals(focused.get("again"))) {
                break; // round the page once
            }
        }
        assertTrue(content, name + ": Tab never reaches the page's content");
    }

    static final String AXE_VERSION = "4.6.3";
    private static String AXE;

    /** Answers yes in the confirmation dialog that opened. */
    static void confirm(WebDriver b) {
        new WebDriverWait(b, Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.id("partner:confirm-yes")))
                .click();
    }

    /** Clicks what {@code what} finds once an AJAX update has stopped replacing it. */
    static void clickFresh(WebDriver b, By what) {
        new WebDriverWait(b, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> {
                    d.findElement(what).click();
                    return true;
                });
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
