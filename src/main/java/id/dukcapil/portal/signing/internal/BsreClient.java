package id.dukcapil.portal.signing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import id.dukcapil.portal.outside.OutsideSystem;
import id.dukcapil.portal.outside.OutsideSystems;
import id.dukcapil.portal.signing.DocumentSigner.SecretKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * BSrE's signing service over HTTPS (API v2, JSON): the signer's status and the signature of files, one or several
 * per call. Knows the protocol and nothing of batches. The passphrase or the TOTP goes into the request body only, in
 * a byte array wiped once the answer is in; it is never logged, and no exception message carries the body.
 */
public final class BsreClient implements AutoCloseable {

    /** What BSrE answered to a file sent to it. */
    public sealed interface Answer {
    }

    /** Signed: the files as BSrE returned them, in the order sent, not checked yet. */
    public record Delivered(List<byte[]> pdfs) implements Answer {
    }

    /**
     * BSrE answered that it did not sign (or the file never left: {@link #NOT_REACHED}): sending it again signs it
     * once. The message is BSrE's own, or a technical note for the journal.
     */
    public record Refused(int httpStatus, String message) implements Answer {
    }

    /** The status of a {@link Refused} file that never left: BSrE could not be reached. */
    public static final int NOT_REACHED = 0;

    /** The file left and no answer came: BSrE may have signed it. */
    public record Unknown(String why) implements Answer {
    }

    /** @param status BSrE's word for the signer's certificate ("ISSUE" when it can sign) */
    public record UserStatus(int httpStatus, String status, String message) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BsreProperties properties;
    private final HttpClient http;
    private final String authorization;
    private final OutsideSystems outside;

    public BsreClient(BsreProperties properties, OutsideSystems outside) {
        this.properties = properties;
        this.outside = outside;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1);
        if (!properties.trustPem().isBlank()) {
            builder.sslContext(trusting(Path.of(properties.trustPem())));
        }
        this.http = builder.build();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (properties.username() + ":" + properties.password()).getBytes(StandardCharsets.UTF_8));
    }

    /** POST /api/v2/user/check/status with the NIK. */
    public UserStatus status(String nik) throws IOException {
        byte[] body = JSON.writeValueAsBytes(Map.of("nik", nik));
        HttpResponse<byte[]> response;
        try {
            response = send(post("/api/v2/user/check/status", body, Duration.ofSeconds(30)));
        } catch (IOException e) {
            away(e, "status check: " + e.getClass().getSimpleName());
            throw e;
        }
        answered(response.statusCode());
        JsonNode json = parse(response.body());
        return new UserStatus(response.statusCode(), text(json, "status"), message(json));
    }

    /**
     * POST /api/v2/sign/pdf: the files in one call, signed with the NIK and the passphrase or the TOTP ({@code
     * passphrase} or {@code totp} in the body, as BSrE's v2 takes either).
     *
     * @param appearance the signature's properties, as BSrE's signatureProperties, the same for each file
     */
    public Answer sign(String nik, SecretKind kind, char[] secret, List<byte[]> pdfs, Map<String, Object> appearance) {
        byte[] body = signBody(nik, kind, secret, pdfs, appearance);
        try {
            HttpResponse<byte[]> response = send(post("/api/v2/sign/pdf", body, properties.timeout()));
            answered(response.statusCode());
            return answer(response, pdfs.size());
        } catch (HttpConnectTimeoutException | ConnectException notSent) {
            away(notSent, "not reached: " + notSent.getClass().getSimpleName());
            return new Refused(NOT_REACHED, "not reached: " + notSent.getClass().getSimpleName());
        } catch (HttpTimeoutException timedOut) {
            away(timedOut, "no answer within " + properties.timeout());
            return new Unknown("no answer within " + properties.timeout());
        } catch (IOException cut) {
            away(cut, "connection lost: " + cut.getClass().getSimpleName());
            return new Unknown("connection lost: " + cut.getClass().getSimpleName());
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /**
     * 200 with a file: delivered. A gateway's 502 or 504: BSrE behind it may have signed, so unknown. Any other
     * status is BSrE's own answer that it did not sign (a wrong passphrase, an empty file, ...).
     */
    private static Answer answer(HttpResponse<byte[]> response, int sent) {
        int status = response.statusCode();
        if (status == 502 || status == 504) {
            return new Unknown("HTTP " + status + " from a gateway");
        }
        JsonNode json = parse(response.body());
        if (status != 200) {
            return new Refused(status, message(json));
        }
        JsonNode files = json.path("file");
        if (!files.isArray() || files.isEmpty()) {
            return new Unknown("HTTP 200 without a signed file");
        }
        if (files.size() != sent) { // which file answers which document cannot be told
            return new Unknown("HTTP 200 with %d files for %d sent".formatted(files.size(), sent));
        }
        List<byte[]> signed = new ArrayList<>(sent);
        for (JsonNode file : files) {
            if (!file.isString()) {
                return new Unknown("HTTP 200 with a file that is not a string");
            }
            try {
                signed.add(Base64.getDecoder().decode(file.asString()));
            } catch (IllegalArgumentException e) {
                return new Unknown("HTTP 200 with a file that is not base64");
            }
        }
        return new Delivered(signed);
    }

    /** The JSON body, the secret JSON-escaped straight into it: no String ever holds it. */
    private static byte[] signBody(String nik, SecretKind kind, char[] typed, List<byte[]> pdfs,
                                   Map<String, Object> appearance) {
        String field = kind == SecretKind.TOTP ? "totp" : "passphrase";
        String head = "{\"nik\":" + JSON.writeValueAsString(nik) + ",\"" + field + "\":\"";
        StringBuilder tail = new StringBuilder("\",\"signatureProperties\":")
                .append(JSON.writeValueAsString(Collections.nCopies(pdfs.size(), appearance))).append(",\"file\":[");
        for (int i = 0; i < pdfs.size(); i++) {
            tail.append(i == 0 ? "\"" : ",\"").append(Base64.getEncoder().encodeToString(pdfs.get(i))).append('"');
        }
        tail.append("]}");
        byte[] secret = escaped(typed);
        try {
            byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
            byte[] tailBytes = tail.toString().getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[headBytes.length + secret.length + tailBytes.length];
            System.arraycopy(headBytes, 0, body, 0, headBytes.length);
            System.arraycopy(secret, 0, body, headBytes.length, secret.length);
            System.arraycopy(tailBytes, 0, body, headBytes.length + secret.length, tailBytes.length);
            return body;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * Whether the passphrase has a UTF-8 form: no unpaired surrogate (a lone half of a character, which a browser
     * can send). Such a passphrase is refused before anything is sent: altered, it would count as a wrong one at BSrE.
     */
    static boolean wellFormed(char[] secret) {
        for (int i = 0; i < secret.length; i++) {
            if (Character.isHighSurrogate(secret[i]) && i + 1 < secret.length
                    && Character.isLowSurrogate(secret[i + 1])) {
                i++;
            } else if (Character.isSurrogate(secret[i])) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 with JSON's escapes, in one array of its exact size; a passphrase not {@link #wellFormed} is refused. */
    static byte[] escaped(char[] secret) {
        if (!wellFormed(secret)) {
            throw new IllegalArgumentException("The passphrase holds an unpaired surrogate: it has no UTF-8 form");
        }
        int length = 0;
        for (int i = 0; i < secret.length; i++) {
            length += escapedLength(secret[i]);
            if (Character.isHighSurrogate(secret[i])) {
                i++;
            }
        }
        byte[] out = new byte[length];
        int at = 0;
        for (int i = 0; i < secret.length; i++) {
            char c = secret[i];
            if (c == '"' || c == '\\') {
                out[at++] = '\\';
                out[at++] = (byte) c;
            } else if (c < 0x20) {
                String escape = String.format("\\u%04x", (int) c);
                for (int k = 0; k < escape.length(); k++) {
                    out[at++] = (byte) escape.charAt(k);
                }
            } else if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c)) {
                int cp = Character.toCodePoint(c, secret[++i]);
                out[at++] = (byte) (0xF0 | cp >> 18);
                out[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | cp & 0x3F);
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return out;
    }

    private static int escapedLength(char c) {
        if (c == '"' || c == '\\') {
            return 2;
        }
        if (c < 0x20) {
            return 6;
        }
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        return Character.isHighSurrogate(c) ? 4 : 3;
    }

    private HttpRequest post(String path, byte[] body, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(properties.url() + path))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * BSrE answered: there, unless a 5xx says the service behind its gateway is not (decision 198). A refusal of a
     * passphrase or a document is an answer: BSrE is there.
     */
    private void answered(int status) {
        if (status >= 500) {
            outside.away(OutsideSystem.BSRE, "HTTP " + status);
        } else {
            outside.contact(OutsideSystem.BSRE);
        }
    }

    /** No answer (refused, reset, timed out): BSrE is away. An interrupted call says nothing of BSrE. */
    private void away(IOException failure, String words) {
        if (!(failure.getCause() instanceof InterruptedException)) {
            outside.away(OutsideSystem.BSRE, words);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode();
        }
    }

    private static String message(JsonNode json) {
        String message = text(json, "message");
        return message.isEmpty() ? text(json, "error") : message;
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.path(field);
        return node.isValueNode() ? node.asString() : "";
    }

    /** Waits for the calls still running (each bounded by its time-out), so that their answers are journalled. */
    @Override
    public void close() {
        http.close();
    }

    private static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("bsre-" + n++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("portal.signing.bsre.trust-pem cannot be read: " + pem, e);
        }
    }
}
