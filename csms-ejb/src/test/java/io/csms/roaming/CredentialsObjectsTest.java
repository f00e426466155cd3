package io.csms.roaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.csms.SpecData;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The OCPI 2.2.1 spec's example objects for this module: credentials, versions and version details. */
class CredentialsObjectsTest {

    private static final Path EXAMPLES = SpecData.of("ocpi-2.2.1/examples");

    @TestFactory
    Stream<DynamicTest> everyCredentialsExampleIsReadWithoutLoss() {
        return Stream.of(
                        "credentials_example.json",
                        "credentials_example2.json",
                        "credentials_example3.json",
                        "credentials_example4.json")
                .map(file -> DynamicTest.dynamicTest(file, () -> {
                    JsonObject example = read(file).asJsonObject();
                    CredentialsObjects.Theirs theirs =
                            CredentialsObjects.parse("2.2.1", example).orElseThrow();
                    assertEquals(example.getString("token"), theirs.token());
                    assertEquals(example.getString("url"), theirs.url());
                    JsonArray roles = example.getJsonArray("roles");
                    assertEquals(roles.size(), theirs.roles().size());
                    for (int i = 0; i < roles.size(); i++) {
                        JsonObject role = roles.getJsonObject(i);
                        Partner.PartyRole read = theirs.roles().get(i);
                        assertEquals(role.getString("role"), read.role().name());
                        assertEquals(role.getString("country_code"), read.countryCode());
                        assertEquals(role.getString("party_id"), read.partyId());
                        // business details (logo, website, ...) are kept whole
                        assertEquals(
                                role.getJsonObject("business_details"),
                                Json.createReader(new java.io.StringReader(read.businessDetails()))
                                        .readObject());
                    }
                }));
    }

    @Test
    void ourCredentialsHaveTheShapeOfTheSpecsExample() throws IOException {
        JsonObject example = read("credentials_example.json").asJsonObject();
        JsonObject ours = CredentialsObjects.ours(
                "2.2.1",
                "ebf3b399-779f-4497-9b9d-ac6ad3cc44d2",
                "https://example.com/ocpi/versions",
                new CredentialsObjects.OurParty("NL", "EXA", "Example Operator"));
        assertEquals(example, ours);
        JsonObject v211 = CredentialsObjects.ours(
                "2.1.1",
                "t",
                "https://example.com/ocpi/versions",
                new CredentialsObjects.OurParty("NL", "EXA", "Example Operator"));
        assertEquals("EXA", v211.getString("party_id"));
        assertFalse(v211.containsKey("roles"));
        assertEquals(
                "EXA",
                CredentialsObjects.parse("2.1.1", v211)
                        .orElseThrow()
                        .roles()
                        .get(0)
                        .partyId());
    }

    @Test
    void versionsAndVersionDetailsExamplesAreRead() throws IOException {
        JsonValue versions = read("versions_info_example.json");
        assertEquals(
                "https://www.server.com/ocpi/2.2.1",
                CredentialsObjects.versionUrl(versions, "2.2.1").orElseThrow());
        assertEquals(
                "https://www.server.com/ocpi/2.1.1",
                CredentialsObjects.versionUrl(versions, "2.1.1").orElseThrow());
        assertTrue(CredentialsObjects.versionUrl(versions, "2.3.0").isEmpty());

        JsonArray endpoints = CredentialsObjects.endpoints(read("version_details_example.json"))
                .orElseThrow();
        assertEquals(2, endpoints.size());
        assertEquals(
                "https://example.com/ocpi/2.2/credentials",
                CredentialsObjects.endpoint(endpoints, "credentials").orElseThrow());
        assertEquals(
                "https://example.com/ocpi/cpo/2.2/locations",
                CredentialsObjects.endpoint(endpoints, "locations").orElseThrow());
    }

    @Test
    void incompleteCredentialsAreRefused() {
        for (String json : List.of(
                "{}",
                "{\"token\":\"t\",\"url\":\"https://x/v\"}",
                "{\"token\":\"t\",\"url\":\"ftp://x\",\"roles\":[]}",
                "{\"token\":\"t\",\"url\":\"https://x/v\",\"roles\":[{\"role\":\"CPO\",\"party_id\":\"toolong\",\"country_code\":\"NL\"}]}",
                "{\"token\":\"t\",\"url\":\"https://x/v\",\"roles\":[{\"role\":\"KING\",\"party_id\":\"ABC\",\"country_code\":\"NL\"}]}")) {
            assertTrue(
                    CredentialsObjects.parse(
                                    "2.2.1",
                                    Json.createReader(new java.io.StringReader(json))
                                            .readValue())
                            .isEmpty(),
                    json);
        }
    }

    private static JsonValue read(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(EXAMPLES.resolve(file));
                JsonReader json = Json.createReader(reader)) {
            return json.readValue();
        }
    }
}
