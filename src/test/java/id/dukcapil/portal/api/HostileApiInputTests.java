package id.dukcapil.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.booking.CitizenAccounts;
import id.dukcapil.portal.booking.CitizenTokens;
import id.dukcapil.portal.kkprint.KkPrintTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12: hostile input against every /api/** endpoint — malformed JSON, wrong content types, huge strings,
 * control characters, bad headers and dates, unknown paths. Every answer is a 4xx problem document and nothing
 * is stored. Each call carries valid credentials, so the input reaches the controllers and not only the chains.
 * Issue 41: the same for every route the handler mapping knows under /api/ (a new endpoint is in the battery
 * without a line here), each method a path does not take, and each route without credentials; the counts are
 * printed at the end ({@code HOSTILE BATTERY:}, docs/benchmarks.md).
 */
@PortalTest
class HostileApiInputTests {

    private static final String TOKEN = "{token}";
    private static final List<String> TABLES = List.of("booking_citizen", "booking_booking", "booking_idempotency",
            "kkprint_request", "kkprint_history");
    private static final String[] FIELDS = {"fullName", "email", "phone", "password", "otp", "newPassword", "nik",
            "servicePoint", "date", "requesterNik", "kkNumber", "reason", "description", "qrContent", "pin", "qr",
            "passed", "score", "attempt"};

    @LocalServerPort int port;
    @Autowired BookingTestSupport support;
    @Autowired CitizenAccounts accounts;
    @Autowired CitizenTokens tokens;
    @Autowired JdbcTemplate jdbc;
    final JsonMapper json = JsonMapper.builder().build();
    static String token;

    @BeforeEach
    void a_signed_in_citizen() {
        if (token == null) {
            token = tokens.issueToken(support.citizen()).token();
        }
    }

    record Endpoint(String method, String path, String credential, String value) {
        Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            if (credential != null) {
                headers.put(credential, value);
            }
            return headers;
        }
    }

    record Body(String label, String contentType, String text) {
    }

    static final List<Endpoint> POSTS = List.of(
            new Endpoint("POST", "/api/v1/bds/accounts", null, null),
            new Endpoint("POST", "/api/v1/bds/accounts/verify", null, null),
            new Endpoint("POST", "/api/v1/bds/accounts/otp", null, null),
            new Endpoint("POST", "/api/v1/bds/accounts/password-reset", null, null),
            new Endpoint("POST", "/api/v1/bds/accounts/password-reset/confirm", null, null),
            new Endpoint("POST", "/api/v1/bds/sessions", null, null),
            new Endpoint("POST", "/api/v1/bds/bookings", "Authorization", "Bearer " + TOKEN),
            new Endpoint("POST", "/api/v1/bds/bookings/ABCD1234/reschedule", "Authorization", "Bearer " + TOKEN),
            new Endpoint("POST", "/api/v1/ikd/kk-print-requests", "X-Api-Key", KkPrintTestSupport.GATEWAY_KEY),
            new Endpoint("POST", "/api/v1/adm/releases", "X-Api-Key", KkPrintTestSupport.KIOSK_KEY));

    static List<Body> bodies() {
        String huge = "x".repeat(5000);
        return List.of(
                new Body("malformed JSON", "application/json", "{\"email\":"),
                new Body("empty body", "application/json", ""),
                new Body("null", "application/json", "null"),
                new Body("an array", "application/json", "[]"),
                new Body("deep nesting", "application/json", "[".repeat(5000)),
                new Body("wrong types", "application/json", "{\"email\":1,\"password\":{},\"date\":true,\"nik\":[],\"requesterNik\":5}"),
                new Body("text/plain", "text/plain", "email=a@b.id"),
                new Body("a form", "application/x-www-form-urlencoded", "email=a%40b.id&password=x&fullName=A&phone=1"),
                new Body("XML", "application/xml", "<account><email>a@b.id</email></account>"),
                new Body("huge strings", "application/json", all(huge, huge)),
                new Body("control characters", "application/json", all("a\\u0000\\u0007\\r\\nBcc: x@contoh.id", "2026-12-01\\n")),
                new Body("a 300-character e-mail", "application/json", all("a".repeat(300) + "@contoh.id", "2026-12-01")),
                new Body("year 0", "application/json", all("bukan-email", "0000-01-01")),
                new Body("year 10000", "application/json", all("bukan-email", "+10000-01-01")),
                new Body("a date that is no date", "application/json", all("bukan-email", "2026-02-30")));
    }

    /** Every field the APIs know, each set to the value (the date to its own). */
    private static String all(String value, String date) {
        StringBuilder body = new StringBuilder("{");
        for (String field : FIELDS) {
            body.append(body.length() > 1 ? "," : "").append('"').append(field).append("\":\"")
                    .append(field.equals("date") ? date : value).append('"');
        }
        return body.append('}').toString();
    }

    static Stream<Arguments> hostileRequests() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : POSTS) {
            for (Body body : bodies()) {
                cases.add(Arguments.of(endpoint.method() + " " + endpoint.path() + " with " + body.label(), endpoint,
                        body.contentType(), body.text()));
            }
        }
        String bearer = "Bearer " + TOKEN;
        String gateway = KkPrintTestSupport.GATEWAY_KEY;
        String longText = "Z".repeat(3000);
        Object[][] others = {
                {"GET", "/api/v1/bds/availability?servicePoint=" + longText + "&from=2026-12-01&to=2026-12-02", null, null},
                {"GET", "/api/v1/bds/availability?servicePoint=UKL-320415&from=kemarin&to=2026-12-02", null, null},
                {"GET", "/api/v1/bds/availability?servicePoint=UKL-320415&from=0000-01-01&to=2026-12-02", null, null},
                {"GET", "/api/v1/bds/availability?servicePoint=UKL-320415&from=2026-12-01&to=%2B10000-01-01", null, null},
                {"GET", "/api/v1/bds/availability", null, null},
                {"GET", "/api/v1/bds/bookings/" + longText, "Authorization", bearer},
                // Not here: an encoded NUL or slash in the path, which Tomcat refuses with its own HTML 400 before
                // the application sees the request (see decision 070).
                {"GET", "/api/v1/bds/bookings/..;x=1/admin", "Authorization", bearer},
                {"GET", "/api/v1/bds/bookings/ABC%0D%0ASet-Cookie:x=1/ticket.pdf", "Authorization", bearer},
                {"DELETE", "/api/v1/bds/bookings/NOPE1234", "Authorization", bearer},
                {"DELETE", "/api/v1/bds/sessions", "Authorization", "Bearer é-bukan-token"},
                {"DELETE", "/api/v1/bds/sessions", "Authorization", "Basic YWRtaW46YWRtaW4="},
                {"GET", "/api/v1/bds/bookings", "Authorization", "Bearer " + longText},
                {"GET", "/api/v1/ikd/kk-print-requests/" + longText, "X-Api-Key", gateway},
                {"GET", "/api/v1/ikd/kk-print-requests/KK%0D%0A", "X-Api-Key", gateway},
                {"GET", "/api/v1/ikd/kk-print-requests/KK20260101ABCDEF", "X-Api-Key", "kunci-é"},
                {"GET", "/api/v1/ikd/kk-print-requests/KK20260101ABCDEF", "X-Api-Key", longText},
                {"GET", "/api/v1/ikd/unknown", "X-Api-Key", gateway},
                {"GET", "/api/v1/bds/unknown", "Authorization", bearer},
                {"PUT", "/api/v1/bds/bookings", "Authorization", bearer},
                {"GET", "/api/", null, null},
                {"GET", "/api/v1/", null, null},
                {"GET", "/api/v9/anything/at/all", null, null},
                {"POST", "/api/v1/adm/releases", null, null},
                // Issue 52, item 11: the API in other spellings is a problem, never the staff sign-in's redirect.
                {"GET", "/API/v1/bds/bookings", "Authorization", bearer},
                {"GET", "/Api/v1/ikd/kk-print-requests/KK20260101ABCDEF", "X-Api-Key", gateway},
                {"POST", "/API/v1/bds/sessions", null, null},
                {"GET", "/api;x=y/v1/bds/bookings", "Authorization", bearer},
                {"GET", "/API;x=y/v1/bds/service-points", null, null},
                {"GET", "/api/v1;x=y/bds/service-points", null, null},
                {"GET", "/api", null, null},
                {"GET", "/API", null, null},
                // An answer the API has no type for: a problem, whatever Accept asked (406, not 405).
                {"GET", "/api/v1/bds/service-points", "Accept", "text/html"},
                {"GET", "/api/v1/bds/bookings", "Accept", "text/html"},
        };
        for (Object[] other : others) {
            Endpoint endpoint = new Endpoint((String) other[0], (String) other[1], (String) other[2], (String) other[3]);
            String shown = endpoint.path().length() > 80 ? endpoint.path().substring(0, 80) + "…" : endpoint.path();
            cases.add(Arguments.of(endpoint.method() + " " + shown + " " + other[2], endpoint, null, null));
        }
        cases.add(Arguments.of("POST /api/v1/bds/bookings with a non-ASCII Idempotency-Key",
                new Endpoint("POST", "/api/v1/bds/bookings", "Authorization", bearer), "application/json+key",
                "{\"nik\":\"3204374101900001\",\"kkNumber\":\"3204371203150007\",\"servicePoint\":\"UKL-320415\",\"date\":\"2026-12-01\"}"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void every_answer_is_a_4xx_problem_and_nothing_is_stored(String name, Endpoint endpoint, String contentType,
                                                             String body) throws Exception {
        Map<String, Long> before = counts();
        Map<String, String> headers = new LinkedHashMap<>();
        endpoint.headers().forEach((header, value) -> headers.put(header, value.replace(TOKEN, token)));
        if ("application/json+key".equals(contentType)) {
            headers.put("Idempotency-Key", "kunci-é-日本");
            contentType = "application/json";
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);

        RawHttp.Answer answer = RawHttp.send(port, endpoint.method(), endpoint.path(), headers, bytes);

        String shown = answer.status() + " " + answer.contentType() + " " + abbreviated(answer.body());
        assertThat(answer.status()).as(shown).isBetween(400, 499);
        assertThat(answer.contentType()).as(shown).startsWith("application/problem+json");
        assertThat(json.readTree(answer.body()).get("code").asString()).as(shown).isNotBlank();
        assertThat(counts()).as("rows of the touched tables").isEqualTo(before);
    }

    // ---- Issue 41: every /api/** route of the running portal, enumerated, so a new endpoint is covered unasked ----

    /** Stored by no hostile request: each call compares them before and after. */
    private static final List<String> STORED = List.of("booking_citizen", "booking_booking", "booking_idempotency",
            "kkprint_request", "kkprint_history", "ikd_registration", "ikd_failure");
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "TRACE"};
    private static final String UNKNOWN = "NOPE1234";
    /** What goes where a path or query value is asked: long, control characters, RTL override, traversal, JSON. */
    private static final List<String> HOSTILE_VALUES = List.of("Z".repeat(3000), "a\u0000\u0007\r\nX-Evil: 1",
            "\u202Egnp.exe\u202C", "../../etc/passwd", "{\"a\":1}", "[]", "null", "-1", "3204371203150007\u202E",
            "é-日本-🙂", " ", "%");
    static final java.util.concurrent.atomic.AtomicInteger REQUESTS = new java.util.concurrent.atomic.AtomicInteger();
    static final java.util.concurrent.atomic.AtomicInteger PROBLEMS = new java.util.concurrent.atomic.AtomicInteger();
    static final java.util.concurrent.ConcurrentLinkedQueue<String> OTHERS = new java.util.concurrent.ConcurrentLinkedQueue<>();
    static final java.util.Set<String> ROUTES = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    /** One API route: a method, a path pattern and the handler behind it (its body's fields, its query parameters). */
    record Route(String method, String pattern, org.springframework.web.method.HandlerMethod handler) {

        String path(String value) {
            String encoded = java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            return pattern.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(encoded))
                    .replace("**", "tidak-ada/sama-sekali");
        }

        List<String> queryParameters() {
            List<String> names = new ArrayList<>();
            for (org.springframework.core.MethodParameter parameter : handler.getMethodParameters()) {
                var query = parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
                if (query != null) {
                    parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                    names.add(!query.name().isEmpty() ? query.name() : parameter.getParameterName());
                }
            }
            return names;
        }

        /** The fields of its JSON body and their types, from the record it reads; none when it reads no body. */
        Map<String, Class<?>> bodyFields() {
            Map<String, Class<?>> fields = new LinkedHashMap<>();
            for (org.springframework.core.MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)
                        && parameter.getParameterType().isRecord()) {
                    for (var component : parameter.getParameterType().getRecordComponents()) {
                        fields.put(component.getName(), component.getType());
                    }
                }
            }
            return fields;
        }

        boolean hasVariables() {
            return pattern.contains("{") || pattern.contains("**");
        }

        /** The credential the route's chain asks for, valid, so the input reaches the controller. */
        Map<String, String> credentials() {
            if (pattern.startsWith("/api/v1/bds/")) {
                return Map.of("Authorization", "Bearer " + TOKEN);
            }
            if (pattern.startsWith("/api/v1/ikd/")) {
                return Map.of("X-Api-Key", KkPrintTestSupport.GATEWAY_KEY);
            }
            if (pattern.startsWith("/api/v1/adm/")) {
                return Map.of("X-Api-Key", KkPrintTestSupport.KIOSK_KEY);
            }
            return Map.of();
        }
    }

    /** Every route of the portal under /api/, from the handler mapping; the catch-all /api/** as POST and GET. */
    List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            var paths = info.getPathPatternsCondition();
            if (paths == null) {
                return;
            }
            for (String pattern : paths.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    routes.add(new Route("GET", pattern, handler));
                    routes.add(new Route("POST", pattern, handler));
                }
                methods.forEach(method -> routes.add(new Route(method.name(), pattern, handler)));
            }
        });
        routes.sort(java.util.Comparator.comparing(Route::pattern).thenComparing(Route::method));
        return routes;
    }

    /** Each malformed body, built for the route's own fields (every API's fields when it reads none). */
    static List<Body> malformedBodies(Map<String, Class<?>> ownFields) {
        Map<String, Class<?>> fields = ownFields.isEmpty() ? everyField() : ownFields;
        String huge = "x".repeat(2000);
        return List.of(
                new Body("invalid JSON", "application/json", "{\"nik\":"),
                new Body("JSON with single quotes", "application/json", "{nik: '3204371203150007'}"),
                new Body("wrong types", "application/json", object(fields, type -> wrongTypeFor(type))),
                new Body("huge strings", "application/json", object(fields, type -> quoted(huge))),
                new Body("nulls", "application/json", object(fields, type -> "null")),
                new Body("a null document", "application/json", "null"),
                new Body("an array instead of an object", "application/json", "[" + object(fields, type -> quoted("1")) + "]"),
                new Body("a number instead of an object", "application/json", "42"),
                new Body("unknown fields only", "application/json",
                        "{\"__proto__\":{\"admin\":true},\"constructor\":{},\"role\":\"ADMIN\",\"id\":1}"),
                new Body("control characters", "application/json",
                        object(fields, type -> quoted("a\\u0000\\u0007\\r\\nBcc: x@contoh.id"))),
                new Body("RTL override", "application/json",
                        object(fields, type -> quoted("\u202E3204371203150007\u202C@contoh.id"))),
                new Body("deep nesting", "application/json", "[".repeat(5000)),
                new Body("an empty body", "application/json", ""),
                new Body("text/plain", "text/plain", "nik=3204371203150007"));
    }

    private static Map<String, Class<?>> everyField() {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        for (String field : FIELDS) {
            fields.put(field, String.class);
        }
        return fields;
    }

    private static String object(Map<String, Class<?>> fields, java.util.function.Function<Class<?>, String> value) {
        StringBuilder body = new StringBuilder("{");
        fields.forEach((name, type) -> body.append(body.length() > 1 ? "," : "").append(quoted(name)).append(':')
                .append(value.apply(type)));
        return body.append('}').toString();
    }

    private static String wrongTypeFor(Class<?> type) {
        return type == String.class ? "{\"nested\":[1,2]}" : type == Boolean.class || type == boolean.class
                ? "\"ya\"" : Number.class.isAssignableFrom(type) ? "\"tinggi\"" : "[true]";
    }

    private static String quoted(String text) {
        return '"' + text + '"';
    }

    @org.junit.jupiter.api.TestFactory
    Stream<org.junit.jupiter.api.DynamicTest> every_api_route_and_method_with_every_malformed_input_is_a_4xx_problem_and_stores_nothing() {
        List<org.junit.jupiter.api.DynamicTest> tests = new ArrayList<>();
        List<Route> routes = routes();
        assertThat(routes).as("the API's routes, found in the handler mapping").hasSizeGreaterThan(20);
        Map<String, java.util.Set<String>> methodsByPath = new java.util.TreeMap<>();
        for (Route route : routes) {
            ROUTES.add(route.method() + " " + route.pattern());
            methodsByPath.computeIfAbsent(route.path(UNKNOWN), path -> new java.util.TreeSet<>()).add(route.method());
            for (Body body : malformedBodies(route.bodyFields())) {
                if (body.text().isEmpty() && route.bodyFields().isEmpty()) {
                    continue; // no body is what a route that reads none is asked with: no malformed input
                }
                tests.add(hostile(route.method() + " " + route.pattern() + " with " + body.label(), route.method(),
                        route.path(UNKNOWN), route.credentials(), body.contentType(), body.text()));
            }
            List<String> query = route.queryParameters();
            if (route.hasVariables() || !query.isEmpty()) {
                boolean takesBody = !route.bodyFields().isEmpty();
                for (String value : HOSTILE_VALUES) {
                    StringBuilder path = new StringBuilder(route.hasVariables() ? route.path(value) : route.pattern());
                    String encoded = java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
                    for (int i = 0; i < query.size(); i++) {
                        path.append(i == 0 ? '?' : '&').append(query.get(i)).append('=').append(encoded);
                    }
                    tests.add(hostile(route.method() + " " + route.pattern() + " with " + shown(value) + " in the address",
                            route.method(), path.toString(), route.credentials(), takesBody ? "application/json" : null,
                            takesBody ? "{}" : null));
                }
            }
            tests.add(hostile(route.method() + " " + route.pattern() + " without credentials and with invalid JSON",
                    route.method(), route.path(UNKNOWN), Map.of(), "application/json", "{\"nik\":"));
        }
        methodsByPath.forEach((path, taken) -> {
            for (String method : METHODS) {
                if (!taken.contains(method) && !(taken.contains("GET") && method.equals("HEAD"))) {
                    tests.add(hostile(method + " " + path + " (a method the path does not take)", method, path,
                            credentialsFor(path), null, null));
                }
            }
        });
        return tests.stream();
    }

    private static Map<String, String> credentialsFor(String path) {
        return new Route("GET", path, null).credentials();
    }

    private static String shown(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…(" + value.length() + ")" : value;
    }

    private org.junit.jupiter.api.DynamicTest hostile(String name, String method, String path,
                                                      Map<String, String> credentials, String contentType, String body) {
        return org.junit.jupiter.api.DynamicTest.dynamicTest(name, () -> {
            Map<String, Long> before = stored();
            Map<String, String> headers = new LinkedHashMap<>();
            credentials.forEach((header, value) -> headers.put(header, value.replace(TOKEN, token)));
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            RawHttp.Answer answer = RawHttp.send(port, method, path, headers, bytes);
            REQUESTS.incrementAndGet();
            String shown = answer.status() + " " + answer.contentType() + " " + abbreviated(answer.body());
            boolean problem = answer.status() >= 400 && answer.status() < 500
                    && answer.contentType().startsWith("application/problem+json") && !answer.headers().containsKey("location");
            if (problem) {
                PROBLEMS.incrementAndGet();
            } else {
                OTHERS.add(name + " → " + shown);
            }
            assertThat(answer.status()).as(shown).isBetween(400, 499);
            assertThat(answer.headers()).as(shown).doesNotContainKey("location");
            assertThat(answer.contentType()).as(shown).startsWith("application/problem+json");
            assertThat(json.readTree(answer.body()).get("code").asString()).as(shown).isNotBlank();
            assertThat(stored()).as("rows of the tables no hostile request may touch").isEqualTo(before);
        });
    }

    @org.junit.jupiter.api.AfterAll
    static void the_counts() {
        if (REQUESTS.get() > 0) {
            System.out.printf("HOSTILE BATTERY: %d routes, %d requests, %d problem documents (4xx, "
                    + "application/problem+json), %d anything else%n", ROUTES.size(), REQUESTS.get(), PROBLEMS.get(),
                    OTHERS.size());
            OTHERS.forEach(other -> System.out.println("HOSTILE BATTERY other: " + other));
        }
    }

    private Map<String, Long> stored() {
        Map<String, Long> counts = new LinkedHashMap<>();
        STORED.forEach(table -> counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)));
        return counts;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class)));
        return counts;
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
