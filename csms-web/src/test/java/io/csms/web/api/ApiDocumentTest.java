package io.csms.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document generated at build time describes every resource method of the API: its path
 * and HTTP method, a success response, the bearer scheme and 401 when it needs a token, 403 when only
 * some roles may call it, 404 when it names something, 400 when it takes input, and every error as an
 * RFC 9457 problem. A resource added without its documentation fails here.
 */
class ApiDocumentTest {

    private static JsonObject document;
    private static List<Endpoint> endpoints;

    record Endpoint(String path, String method, Method java, boolean secured, boolean allRoles, boolean takesInput) {

        String name() {
            return method.toUpperCase() + " " + path + " ("
                    + java.getDeclaringClass().getSimpleName() + "." + java.getName() + ")";
        }
    }

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = OpenApiResource.class.getResourceAsStream("csms-api.json");
                JsonReader reader = Json.createReader(in)) {
            document = reader.readObject();
        }
        endpoints = resourceMethods();
    }

    @Test
    void theApiHasTheExpectedResources() {
        Set<String> paths = new TreeSet<>();
        endpoints.forEach(e -> paths.add(e.method().toUpperCase() + " " + e.path()));
        // a guard against the reflection finding nothing: the driver journey's endpoints are there
        assertTrue(
                paths.containsAll(List.of(
                        "POST /api/auth/signup",
                        "POST /api/auth/login",
                        "POST /api/charging/start",
                        "POST /api/charging/stop",
                        "GET /api/sessions",
                        "GET /api/sessions/{id}",
                        "GET /api/sessions/{id}/live",
                        "GET /api/commands/{id}",
                        "POST /api/me/cards",
                        "GET /api/me/vehicles",
                        "GET /api/chargers")),
                paths.toString());
        assertEquals(
                paths.size(),
                documentedOperations().size(),
                "documented: " + documentedOperations() + ", in code: " + paths);
    }

    @Test
    void everyResourceMethodIsDocumentedWithItsResponses() {
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            JsonObject operation = operation(endpoint.path(), endpoint.method());
            if (operation == null) {
                problems.add(endpoint.name() + ": not in the document");
                continue;
            }
            JsonObject responses = operation.getJsonObject("responses");
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                problems.add(endpoint.name() + ": no success response");
            }
            if (!operation.containsKey("summary")) {
                problems.add(endpoint.name() + ": no summary");
            }
            if (endpoint.secured()) {
                if (!operation.containsKey("security")
                        || !operation.getJsonArray("security").getJsonObject(0).containsKey(OpenApiResource.BEARER)) {
                    problems.add(endpoint.name() + ": needs a token but declares no bearer security");
                }
                expect(problems, endpoint, responses, "401");
                if (!endpoint.allRoles()) {
                    expect(problems, endpoint, responses, "403");
                }
            }
            // an id in the path can be unknown, unless the operation creates what it names (PUT → 201)
            if (endpoint.path().contains("{") && !responses.containsKey("201")) {
                expect(problems, endpoint, responses, "404");
            }
            if (endpoint.takesInput()) {
                expect(problems, endpoint, responses, "400");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyErrorIsAProblemDocument() {
        JsonObject shared = document.getJsonObject("components").getJsonObject("responses");
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            JsonObject operation = operation(endpoint.path(), endpoint.method());
            if (operation == null) {
                continue;
            }
            operation.getJsonObject("responses").forEach((code, value) -> {
                if (code.startsWith("2") || endpoint.path().startsWith("/api/health")) {
                    return;
                }
                JsonObject response = value.asJsonObject();
                if (response.containsKey("$ref")) {
                    response = shared.getJsonObject(
                            response.getString("$ref").substring("#/components/responses/".length()));
                }
                if (response == null || !response.getJsonObject("content").containsKey(Problems.MEDIA_TYPE)) {
                    problems.add(endpoint.name() + " " + code + ": not an " + Problems.MEDIA_TYPE + " response");
                }
            });
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(
                document.getJsonObject("components")
                        .getJsonObject("schemas")
                        .getJsonObject("ValidationProblem")
                        .getJsonObject("properties")
                        .containsKey("errors"),
                "validation problems list their field errors");
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), ref);
            JsonValue target = document.getValue(ref.substring(1));
            assertNotNull(target, ref);
        }
    }

    @Test
    void requestBodiesHaveTheirSchema() {
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            JsonObject operation = operation(endpoint.path(), endpoint.method());
            if (operation == null || !operation.containsKey("requestBody")) {
                continue;
            }
            JsonObject content = operation.getJsonObject("requestBody").getJsonObject("content");
            if (!content.containsKey("application/json")) {
                // a body of another kind (the id tags' CSV import) has no JSON schema to name
                assertTrue(content.containsKey("text/csv"), endpoint.name() + ": a body of what type? " + content);
                continue;
            }
            JsonObject schema = content.getJsonObject("application/json").getJsonObject("schema");
            boolean opaque = !schema.containsKey("$ref") && !schema.containsKey("properties");
            // the OCPP operations take any OCPP request: their schemas are the OCPP 1.6 JSON schemas
            if (opaque && !endpoint.path().contains("/operations/")) {
                problems.add(endpoint.name() + ": the request body has no schema: " + schema);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void expect(List<String> problems, Endpoint endpoint, JsonObject responses, String code) {
        if (!responses.containsKey(code)) {
            problems.add(endpoint.name() + ": no " + code + " response");
        }
    }

    private static JsonObject operation(String path, String method) {
        JsonObject item = document.getJsonObject("paths").getJsonObject(path);
        return item == null ? null : item.getJsonObject(method);
    }

    private static Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        document.getJsonObject("paths")
                .forEach((path, item) -> item.asJsonObject().keySet().stream()
                        .filter(key -> !key.equals("parameters"))
                        .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }

    private static void collectRefs(JsonValue value, List<String> refs) {
        if (value instanceof JsonObject object) {
            object.forEach((key, child) -> {
                if (key.equals("$ref") && child instanceof JsonString ref) {
                    refs.add(ref.getString());
                } else {
                    collectRefs(child, refs);
                }
            });
        } else if (value instanceof JsonStructure structure && value.getValueType() == JsonValue.ValueType.ARRAY) {
            value.asJsonArray().forEach(child -> collectRefs(child, refs));
        }
    }

    /** The resource methods of the compiled API, found by reflection over csms-web's classes. */
    private static List<Endpoint> resourceMethods() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path root = Paths.get(OpenApiResource.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Endpoint> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("io/csms/web/api"))) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ApiDocumentTest.class.getClassLoader());
                Path classPath = type.getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String http = httpMethod(method);
                    Operation operation = method.getAnnotation(Operation.class);
                    if (http == null || (operation != null && operation.hidden())) {
                        continue;
                    }
                    Path methodPath = method.getAnnotation(Path.class);
                    String path = "/api/" + trim(classPath.value())
                            + (methodPath == null ? "" : "/" + trim(methodPath.value()));
                    RolesAllowed roles = method.isAnnotationPresent(RolesAllowed.class)
                            ? method.getAnnotation(RolesAllowed.class)
                            : type.getAnnotation(RolesAllowed.class);
                    boolean secured =
                            roles != null && !method.isAnnotationPresent(jakarta.annotation.security.PermitAll.class);
                    boolean allRoles =
                            roles != null && Arrays.asList(roles.value()).contains(Roles.USER);
                    found.add(new Endpoint(path, http.toLowerCase(), method, secured, allRoles, takesInput(method)));
                }
            }
        }
        return found;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** A body, or a query parameter with constraints (path parameters that do not match are 404s). */
    private static boolean takesInput(Method method) {
        for (Parameter parameter : method.getParameters()) {
            boolean jaxrs =
                    parameter.isAnnotationPresent(PathParam.class) || parameter.isAnnotationPresent(Context.class);
            if (parameter.isAnnotationPresent(QueryParam.class)) {
                if (Arrays.stream(parameter.getAnnotations())
                        .anyMatch(a -> a.annotationType().getPackageName().equals("jakarta.validation.constraints"))) {
                    return true;
                }
            } else if (!jaxrs) {
                return true;
            }
        }
        return false;
    }

    private static String trim(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
