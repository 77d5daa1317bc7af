package id.dukcapil.portal.signing.bsre;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import id.dukcapil.portal.signing.demo.DemoCertificateAuthority;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local BSrE signing service for tests: HTTPS on loopback with a certificate the peer makes (its PEM is what the
 * portal is told to trust), HTTP Basic for the office's API account, and API v2 as BSrE documents it
 * ({@code POST /api/v2/user/check/status}, {@code POST /api/v2/sign/pdf} answering {@code {time, file[]}}). It really
 * signs, PAdES (ETSI.CAdES.detached, an incremental update) with PDFBox and Bouncy Castle, with a signer certificate
 * from a test CA of its own, named as an identity certificate of a person names its holder (the name in CN, the NIK
 * in serialNumber, the office in OU/O). It puts the request's location and reason in the signature. Tests make it
 * slow, fail, time out, return the wrong file, sign with a foreign CA or with another person's certificate, or call
 * the signer revoked; it counts what it signed, per file sent. A call carries the signer's passphrase or a TOTP
 * (RFC 6238, the code of the signer's BeSign app, of this 30 s step or the one before) and one or several files.
 */
public final class BsrePeer implements AutoCloseable {

    public static final String USERNAME = "disdukcapil-bandung";
    public static final String PASSWORD = "api-secret-of-the-office";
    public static final String NIK = "3204011503720004";
    public static final String PASSPHRASE = "Passphrase-BSrE-Kadis";
    /**
     * The secret the signer's BeSign app shares with BSrE (RFC 4226's test secret): BeSign shows, and BSrE accepts,
     * its RFC 6238 code, {@link #totp(Instant)}.
     */
    private static final byte[] TOTP_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    /** RFC 6238's time step, as authenticator apps use it. */
    public static final Duration TOTP_STEP = Duration.ofSeconds(30);
    public static final String SIGNER = "Dr. H. Asep Sukmana, M.Si.";
    /** Another person BSrE's CA certified (another office's head): not the configured signer. */
    public static final String OTHER_PERSON = "Drs. Budi Santoso, M.M.";
    public static final String OTHER_NIK = "3204012208690003";

    /** What the next sign calls do, one each, before the peer goes back to signing normally. */
    public enum Misbehaviour {
        /** HTTP 500, nothing signed (as BSrE answers an empty file). */
        FAIL_500,
        /** Signs, then answers only after the client's time-out. */
        ANSWER_LATE,
        /** Signs another document and returns that. */
        WRONG_FILE,
        /** Signs with a certificate from a CA the portal does not trust. */
        FOREIGN_SIGNER,
        /** Signs with another person's certificate from BSrE's own CA. */
        ANOTHER_PERSON
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpsServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(32);
    private final Path trustPem;
    private final Path rootsPem;
    private final PrivateKey signerKey;
    private final List<X509Certificate> signerChain;
    private final PrivateKey foreignKey;
    private final List<X509Certificate> foreignChain;
    private final PrivateKey otherKey;
    private final List<X509Certificate> otherChain;
    private final Queue<Misbehaviour> misbehaviours = new ConcurrentLinkedQueue<>();
    private final Queue<byte[]> signedFiles = new ConcurrentLinkedQueue<>();
    private final AtomicInteger signCalls = new AtomicInteger();
    private final Queue<Integer> filesPerCall = new ConcurrentLinkedQueue<>();
    private final AtomicInteger totpCalls = new AtomicInteger();
    private final AtomicInteger statusCalls = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration late = Duration.ofSeconds(3);
    private volatile String status = "ISSUE";

    public BsrePeer(Path folder) throws Exception {
        Instant now = Instant.now();
        DemoCertificateAuthority ca = new DemoCertificateAuthority(now);
        KeyStore signer = pkcs12(ca.issuePkcs12(person(SIGNER, NIK), PASSPHRASE.toCharArray(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))));
        this.signerKey = (PrivateKey) signer.getKey("tte", PASSPHRASE.toCharArray());
        this.signerChain = chain(signer);
        KeyStore foreign = pkcs12(new DemoCertificateAuthority(now).issuePkcs12(person(SIGNER, NIK),
                PASSPHRASE.toCharArray(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))));
        this.foreignKey = (PrivateKey) foreign.getKey("tte", PASSPHRASE.toCharArray());
        this.foreignChain = chain(foreign);
        KeyStore other = pkcs12(ca.issuePkcs12(person(OTHER_PERSON, OTHER_NIK), PASSPHRASE.toCharArray(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))));
        this.otherKey = (PrivateKey) other.getKey("tte", PASSPHRASE.toCharArray());
        this.otherChain = chain(other);
        this.rootsPem = folder.resolve("bsre-roots.pem");
        Files.writeString(rootsPem, pem(ca.caCertificate()));

        KeyPair tlsKeys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        X509Certificate tls = selfSigned(tlsKeys, now);
        this.trustPem = folder.resolve("bsre-tls.pem");
        Files.writeString(trustPem, pem(tls));
        KeyStore tlsStore = KeyStore.getInstance("PKCS12");
        tlsStore.load(null, null);
        tlsStore.setKeyEntry("tls", tlsKeys.getPrivate(), new char[0], new Certificate[] {tls});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(tlsStore, new char[0]);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(keys.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.setExecutor(threads);
        server.createContext("/api/v2/user/check/status", exchange -> answer(exchange, this::status));
        server.createContext("/api/v2/sign/pdf", exchange -> answer(exchange, this::sign));
        server.start();
    }

    public String url() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    public Path trustPem() {
        return trustPem;
    }

    public Path rootsPem() {
        return rootsPem;
    }

    public void latency(Duration perCall) {
        this.latency = perCall;
    }

    /** How late an {@link Misbehaviour#ANSWER_LATE} answer comes. */
    public void late(Duration after) {
        this.late = after;
    }

    /** BSrE's word on the signer's certificate: ISSUE, EXPIRED, REVOKE, ... */
    public void status(String word) {
        this.status = word;
    }

    public void next(Misbehaviour... coming) {
        misbehaviours.addAll(List.of(coming));
    }

    public int signCalls() {
        return signCalls.get();
    }

    /** Files each sign call carried, in the order the calls came. */
    public List<Integer> filesPerCall() {
        return List.copyOf(filesPerCall);
    }

    /** Sign calls that carried a TOTP rather than a passphrase. */
    public int totpCalls() {
        return totpCalls.get();
    }

    /**
     * The signer's RFC 6238 code at this instant: HMAC-SHA1 over the 30 s step's number, dynamically truncated to
     * six digits, as BeSign shows it.
     */
    public static String totp(Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(TOTP_SECRET, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES)
                    .putLong(at.getEpochSecond() / TOTP_STEP.toSeconds()).array());
            int offset = hash[hash.length - 1] & 0x0F;
            int binary = (hash[offset] & 0x7F) << 24 | (hash[offset + 1] & 0xFF) << 16
                    | (hash[offset + 2] & 0xFF) << 8 | hash[offset + 3] & 0xFF;
            return "%06d".formatted(binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public int statusCalls() {
        return statusCalls.get();
    }

    /** How many answers the peer has finished, late ones included, whether or not the portal still listened. */
    public int answered() {
        return answered.get();
    }

    /** How many signatures the peer made in all, whether or not their answer reached the portal. */
    public int signatures() {
        return signedFiles.size();
    }

    /** How many signatures the peer made over files whose text contains this (a document's number). */
    public long signaturesOf(String text) throws IOException {
        long count = 0;
        for (byte[] sent : signedFiles) {
            try (PDDocument document = Loader.loadPDF(sent)) {
                if (new PDFTextStripper().getText(document).contains(text)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** CPU time the peer's handlers used (signing included): the portal's share is the rest. */
    public Duration cpu() {
        return Duration.ofNanos(cpuNanos.get());
    }

    private record Reply(int status, Object body, Duration delay) {
        Reply(int status, Object body) {
            this(status, body, Duration.ZERO);
        }
    }

    private interface Handler {
        Reply handle(JsonNode request) throws Exception;
    }

    private void answer(HttpExchange exchange, Handler handler) throws IOException {
        long started = cpu.getCurrentThreadCpuTime();
        Reply reply;
        try (InputStream in = exchange.getRequestBody()) {
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply = new Reply(405, Map.of("error", "Method not allowed"));
            } else if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply = new Reply(401, Map.of("status_code", 401, "error", "Unauthorized"));
            } else {
                reply = handler.handle(JSON.readTree(in.readAllBytes()));
            }
        } catch (Exception e) {
            reply = new Reply(500, Map.of("status_code", 500, "error", "Internal Server Error"));
        }
        cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - started);
        try {
            Duration wait = latency.plus(reply.delay());
            if (!wait.isZero()) {
                Thread.sleep(wait);
            }
            byte[] body = JSON.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // The portal gave up (its time-out): what was signed stays signed here, as at BSrE.
        } finally {
            exchange.close();
            answered.incrementAndGet();
        }
    }

    private Reply status(JsonNode request) {
        statusCalls.incrementAndGet();
        if (!NIK.equals(request.path("nik").asString(""))) {
            return new Reply(404, Map.of("status_code", 1110, "status", "NOT_REGISTERED",
                    "message", "Pengguna tidak terdaftar"));
        }
        return new Reply(200, Map.of("status_code", "ISSUE".equals(status) ? 1111 : 1112, "status", status,
                "message", "ISSUE".equals(status) ? "Sertifikat aktif" : "Sertifikat tidak aktif: " + status));
    }

    private Reply sign(JsonNode request) throws Exception {
        signCalls.incrementAndGet();
        filesPerCall.add(request.path("file").size());
        if (!NIK.equals(request.path("nik").asString(""))) {
            return new Reply(400, Map.of("status_code", 2021, "error", "NIK tidak terdaftar"));
        }
        boolean byTotp = request.has("totp");
        if (byTotp == request.has("passphrase")) {
            return new Reply(400, Map.of("status_code", 2001, "error", "Isi passphrase atau totp"));
        }
        if (byTotp) {
            totpCalls.incrementAndGet();
            if (!currentTotp(request.path("totp").asString(""))) {
                return new Reply(400, Map.of("status_code", 2032, "error", "TOTP tidak valid atau kedaluwarsa"));
            }
        } else if (!PASSPHRASE.equals(request.path("passphrase").asString(""))) {
            return new Reply(400, Map.of("status_code", 2031, "error", "Passphrase anda salah"));
        }
        if (!"ISSUE".equals(status)) {
            return new Reply(400, Map.of("status_code", 2011, "error", "Sertifikat tidak aktif"));
        }
        JsonNode files = request.path("file");
        if (!files.isArray() || !request.path("signatureProperties").isArray()) {
            return new Reply(400, Map.of("status_code", 2001, "error", "Permintaan tidak lengkap"));
        }
        Misbehaviour misbehaviour = misbehaviours.poll();
        if (misbehaviour == Misbehaviour.FAIL_500) {
            return new Reply(500, Map.of("status_code", 500, "error", "Internal Server Error"));
        }
        long started = System.currentTimeMillis();
        List<String> signed = new java.util.ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            byte[] pdf = Base64.getDecoder().decode(files.get(i).asString(""));
            if (pdf.length == 0) {
                return new Reply(500, Map.of("status_code", 500, "error", "Internal Server Error"));
            }
            byte[] toSign = misbehaviour == Misbehaviour.WRONG_FILE ? anotherPdf() : pdf;
            JsonNode appearance = request.path("signatureProperties").path(i);
            signed.add(Base64.getEncoder().encodeToString(switch (misbehaviour) {
                case FOREIGN_SIGNER -> pades(toSign, foreignKey, foreignChain, appearance);
                case ANOTHER_PERSON -> pades(toSign, otherKey, otherChain, appearance);
                case null, default -> pades(toSign, signerKey, signerChain, appearance);
            }));
            signedFiles.add(pdf);
        }
        return new Reply(200, Map.of("time", System.currentTimeMillis() - started, "file", signed),
                misbehaviour == Misbehaviour.ANSWER_LATE ? late : Duration.ZERO);
    }

    /** The code of this step or of the one before (a code typed as its step ends is still on its way). */
    private static boolean currentTotp(String code) {
        Instant now = Instant.now();
        return code.equals(totp(now)) || code.equals(totp(now.minus(TOTP_STEP)));
    }

    /** PAdES B-B, invisible, as an incremental update: what BSrE returns for {@code tampilan: INVISIBLE}. */
    private static byte[] pades(byte[] pdf, PrivateKey key, List<X509Certificate> chain, JsonNode appearance)
            throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
            signature.setName(SIGNER);
            signature.setLocation(appearance.path("location").asString(null));
            signature.setReason(appearance.path("reason").asString(null));
            signature.setSignDate(Calendar.getInstance());
            document.addSignature(signature, content -> {
                try {
                    CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
                    generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                            new JcaDigestCalculatorProviderBuilder().build())
                            .build(new JcaContentSignerBuilder("SHA256withRSA").build(key), chain.getFirst()));
                    generator.addCertificates(new JcaCertStore(chain));
                    return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
                } catch (Exception e) {
                    throw new IOException(e);
                }
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static byte[] anotherPdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static KeyStore pkcs12(byte[] file) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(file), PASSPHRASE.toCharArray());
        return store;
    }

    /** A person's identity certificate's subject: the name, the NIK as serialNumber, the office. */
    private static X500Name person(String name, String nik) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).addRDN(BCStyle.SERIALNUMBER, nik)
                .addRDN(BCStyle.OU, "Dinas Kependudukan dan Pencatatan Sipil")
                .addRDN(BCStyle.O, "Pemerintah Kabupaten Bandung").addRDN(BCStyle.L, "Kabupaten Bandung")
                .addRDN(BCStyle.ST, "Jawa Barat").addRDN(BCStyle.C, "ID").build();
    }

    private static List<X509Certificate> chain(KeyStore store) throws GeneralSecurityException {
        return Arrays.stream(store.getCertificateChain("tte")).map(X509Certificate.class::cast).toList();
    }

    private static X509Certificate selfSigned(KeyPair keys, Instant now) throws Exception {
        X500Name name = new X500Name("CN=localhost, O=BSrE test peer");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), name,
                keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    private static String pem(X509Certificate certificate) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
