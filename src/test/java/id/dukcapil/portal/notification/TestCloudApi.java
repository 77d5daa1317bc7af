package id.dukcapil.portal.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTPS server that answers as the WhatsApp Business Cloud API documents it: {@code POST
 * /{version}/{phone-number-id}/messages} with a bearer token and a template message, answered {@code
 * {messaging_product, contacts, messages:[{id}]}}, or with the documented error object. It knows the office's approved
 * templates with their number of body parameters, as Meta would. A test scripts what it does for one phone:
 * an error, or no answer at all.
 */
public class TestCloudApi {

    public static final String VERSION = "v23.0";
    public static final String PHONE_NUMBER_ID = "106540352242922";
    public static final String ACCESS_TOKEN = "EAAtest-system-user-token";
    public static final String APP_SECRET = "test-app-secret-5f2b";
    public static final String VERIFY_TOKEN = "test-verify-token-91";
    /** The approved templates and how many body parameters each has. */
    public static final Map<String, Integer> APPROVED = Map.ofEntries(Map.entry("dukcapil_booking_ticket", 5),
            Map.entry("dukcapil_booking_moved", 5), Map.entry("dukcapil_booking_reminder", 5),
            Map.entry("dukcapil_booking_day_closed", 3), Map.entry("dukcapil_booking_cancelled", 3),
            Map.entry("dukcapil_kk_returned", 2), Map.entry("dukcapil_kk_rejected", 2),
            Map.entry("dukcapil_kk_expiring", 2), Map.entry("dukcapil_kk_ready", 3),
            Map.entry("dukcapil_recording_turn", 3));

    /** What the peer does with a message to a phone, instead of accepting it. */
    public sealed interface Script permits Refuse, NoAnswer {
    }

    /** An error answer, as the Cloud API gives it. */
    public record Refuse(int httpStatus, int code, String message) implements Script {
    }

    /** The connection is closed after the request is read: nobody learns whether it was accepted. */
    public record NoAnswer(boolean acceptedAnyway) implements Script {
    }

    /** A request the peer accepted, with its id. */
    public record Received(String wamid, JsonNode body) {

        public String to() {
            return body.path("to").asString();
        }

        public String template() {
            return body.path("template").path("name").asString();
        }

        public String language() {
            return body.path("template").path("language").path("code").asString();
        }

        public List<String> parameters() {
            return body.path("template").path("components").path(0).path("parameters").valueStream()
                    .map(p -> p.path("text").asString()).toList();
        }

        public String callbackData() {
            return body.path("biz_opaque_callback_data").asString();
        }
    }

    private static final Object LOCK = new Object();
    private static HttpsServer server;
    private static Path certificate;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, Queue<Script>> SCRIPTS = new ConcurrentHashMap<>();

    /** Starts the peer once per test run; its port and the PEM file of its certificate. */
    public static Started startOnce() {
        synchronized (LOCK) {
            if (server == null) {
                try {
                    start();
                } catch (Exception e) {
                    throw new IllegalStateException("The Cloud API peer did not start", e);
                }
            }
            return new Started(server.getAddress().getPort(), certificate);
        }
    }

    public record Started(int port, Path certificatePem) {
    }

    public void script(String phoneDigits, Script script) {
        SCRIPTS.computeIfAbsent(phoneDigits, p -> new ArrayDeque<>()).add(script);
    }

    public List<Received> receivedFor(String phoneDigits) {
        return RECEIVED.stream().filter(r -> r.to().equals(phoneDigits)).toList();
    }

    public List<Received> received() {
        return List.copyOf(RECEIVED);
    }

    /** A status webhook payload as Meta sends it for one message. */
    public static String statusPayload(String wamid, String phoneDigits, String status, String callbackData,
                                       Instant at, Integer errorCode) {
        String errors = errorCode == null ? "" : """
                ,"errors":[{"code":%d,"title":"Message undeliverable","message":"Message undeliverable",
                "error_data":{"details":"Message Undeliverable."}}]""".formatted(errorCode);
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",
                "phone_number_id":"%s"},"statuses":[{"id":"%s","status":"%s","timestamp":"%d",
                "recipient_id":"%s","biz_opaque_callback_data":"%s"%s}]}}]}]}"""
                .formatted(PHONE_NUMBER_ID, wamid, status, at.getEpochSecond(), phoneDigits, callbackData, errors);
    }

    /** A citizen's text reply as the webhook brings it. */
    public static String replyPayload(String phoneDigits, String text) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
                "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",
                "phone_number_id":"%s"},"contacts":[{"profile":{"name":"Warga"},"wa_id":"%s"}],
                "messages":[{"from":"%s","id":"wamid.in-%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}"""
                .formatted(PHONE_NUMBER_ID, phoneDigits, phoneDigits, UUID.randomUUID(), Instant.now().getEpochSecond(),
                        text);
    }

    private static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=graph.facebook.test");
        Instant now = Instant.now();
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(2))), name, keys.getPublic())
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.dNSName, "localhost")}))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        certificate = Files.createTempFile("cloud-api-peer", ".pem");
        certificate.toFile().deleteOnExit();
        Files.writeString(certificate, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("peer", keys.getPrivate(), new char[0], new Certificate[] {cert});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/" + VERSION + "/" + PHONE_NUMBER_ID + "/messages", TestCloudApi::messages);
        server.start();
    }

    private static void messages(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 400, error(100, "Unsupported get request."));
                return;
            }
            if (!("Bearer " + ACCESS_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, error(190, "Invalid OAuth access token - Cannot parse access token"));
                return;
            }
            JsonNode body = JSON.readTree(request);
            String to = body.path("to").asString("");
            String template = body.path("template").path("name").asString("");
            int parameters = body.path("template").path("components").path(0).path("parameters").size();
            if (!"whatsapp".equals(body.path("messaging_product").asString()) || !"template".equals(body.path("type").asString())
                    || !to.matches("[0-9]{8,15}")) {
                answer(exchange, 400, error(100, "Invalid parameter"));
                return;
            }
            if (!APPROVED.containsKey(template) || !List.of("id", "en").contains(
                    body.path("template").path("language").path("code").asString(""))) {
                answer(exchange, 404, error(132001, "Template name does not exist in the translation"));
                return;
            }
            if (APPROVED.get(template) != parameters) {
                answer(exchange, 400, error(132000, "Number of parameters does not match the expected number of params"));
                return;
            }
            Queue<Script> scripts = SCRIPTS.get(to);
            Script script = scripts == null ? null : scripts.poll();
            String wamid = "wamid.HBgN" + UUID.randomUUID().toString().replace("-", "");
            switch (script) {
                case Refuse refuse -> answer(exchange, refuse.httpStatus(), error(refuse.code(), refuse.message()));
                case NoAnswer noAnswer -> {
                    if (noAnswer.acceptedAnyway()) {
                        RECEIVED.add(new Received(wamid, body));
                    }
                    // Thrown out of the handler, the server closes the connection without a status line.
                    throw new IOException("scripted: no answer");
                }
                case null -> {
                    RECEIVED.add(new Received(wamid, body));
                    answer(exchange, 200, """
                            {"messaging_product":"whatsapp","contacts":[{"input":"%s","wa_id":"%s"}],
                            "messages":[{"id":"%s","message_status":"accepted"}]}""".formatted(to, to, wamid));
                }
            }
        }
    }

    private static String error(int code, String message) {
        return """
                {"error":{"message":"(#%d) %s","type":"OAuthException","code":%d,
                "error_data":{"messaging_product":"whatsapp","details":"%s"},"fbtrace_id":"A%s"}}"""
                .formatted(code, message, code, message, UUID.randomUUID().toString().substring(0, 12));
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
