package id.dukcapil.portal.browser;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import id.dukcapil.portal.ikd.IkdApp;
import id.dukcapil.portal.kkprint.KkPrintTestSupport;
import id.dukcapil.portal.packaged.BdsCitizens;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjLongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The citizens' phones while the office works, as their apps call the portal: the BDS app books a slot, the IKD app
 * registers, passes the face check, scans the officer's QR code and activates with the PIN from the e-mail (SOP E),
 * and submits a KK print request (SOP B). Each call is timed from here, on loopback: the node's own time for it, with
 * no browser in between. A call answered with anything but its success is an {@link IllegalStateException}: the
 * benchmark fails on it.
 */
final class OfficeCitizens {

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TRACKING = Pattern.compile("\"trackingNumber\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern BOOKED = Pattern.compile("\"bookingCode\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PIN = Pattern.compile("PIN aktivasi IKD Anda: (\\d{6})");
    private static final AtomicInteger EMAILS = new AtomicInteger();

    /** A resident as the apps name one: the NIK and the number of the family card listing them. */
    record Person(String nik, String kkNumber) {
    }

    /** An IKD registration the app made: its code and the e-mail its PIN goes to. */
    record Registration(String code, String email) {
    }

    private final URI portal;
    private final GreenMail mail;
    /** Where each call's milliseconds go, by the act's name. */
    private final ObjLongConsumer<String> timings;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    OfficeCitizens(int port, GreenMail mail, ObjLongConsumer<String> timings) {
        this.portal = URI.create("http://127.0.0.1:" + port + "/");
        this.mail = mail;
        this.timings = timings;
    }

    /** SOP A: a signed-in BDS account books a slot for {@code person} at {@code point} on {@code day}. */
    void book(BdsCitizens.Citizen account, Person person, String point, LocalDate day) {
        found(BOOKED, send("citizen: slot booked (BDS)", HttpRequest.newBuilder(portal.resolve("/api/v1/bds/bookings"))
                .header("Authorization", "Bearer " + account.token())
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("X-Forwarded-For", account.address())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"nik\":\"" + person.nik() + "\",\"kkNumber\":\""
                        + person.kkNumber() + "\",\"servicePoint\":\"" + point + "\",\"date\":\"" + day + "\"}")), 201));
    }

    /** SOP E steps 2–3 in the IKD app: registered at the desk's point, the selfie's face check passed. */
    Registration ikdRegistered(Person person, String point) {
        String email = "ikd-" + EMAILS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@contoh.id";
        String code = found(CODE, gateway("citizen: IKD registered", "/api/v1/ikd/activations",
                IkdApp.registration(person.nik(), person.kkNumber(), email, "+6281234567890", point), 201));
        gateway("citizen: IKD face checked", "/api/v1/ikd/activations/" + code + "/face-check",
                "{\"passed\":true,\"score\":0.95}", 200);
        return new Registration(code, email);
    }

    /** Step 4: the phone scanned the QR code on the officer's screen; the PIN is e-mailed. */
    void scanned(Registration registration, String qr) {
        gateway("citizen: IKD QR scanned", "/api/v1/ikd/activations/" + registration.code() + "/scan",
                "{\"qr\":\"" + qr + "\"}", 200);
    }

    /** Step 5: the PIN from the e-mail, as the citizen types it. */
    void activated(Registration registration) throws InterruptedException {
        gateway("citizen: IKD activated", "/api/v1/ikd/activations/" + registration.code() + "/activate",
                "{\"pin\":\"" + pin(registration.email()) + "\"}", 200);
    }

    /** SOP B steps 4–5 in the IKD app: a KK print request by the head of the family; its tracking number. */
    String kkRequested(Person head) {
        return found(TRACKING, gateway("citizen: KK print requested (IKD)", "/api/v1/ikd/kk-print-requests", """
                {"requesterNik":"%s","kkNumber":"%s","reason":"BIRTH","description":"Kelahiran anak"}"""
                .formatted(head.nik(), head.kkNumber()), 201));
    }

    /** The next of {@code people}; none left is a failure of the benchmark's preparation, not a quiet skip. */
    static Person next(Queue<Person> people, String what) {
        Person person = people.poll();
        if (person == null) {
            throw new IllegalStateException("no " + what + " left: more were needed than prepared");
        }
        return person;
    }

    /** The PIN of the e-mail to {@code email}, as the test's mail server received it (within a minute). */
    private String pin(String email) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : mail.getReceivedMessagesForDomain(email)) {
                Matcher pin = PIN.matcher(GreenMailUtil.getBody(message));
                if (pin.find()) {
                    return pin.group(1);
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no PIN e-mail to " + email + " within a minute");
    }

    private String gateway(String act, String path, String body, int expected) {
        return send(act, HttpRequest.newBuilder(portal.resolve(path)).header("X-Api-Key", KkPrintTestSupport.GATEWAY_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), expected);
    }

    /** The answer's body; its time goes to {@code act}'s timings. */
    private String send(String act, HttpRequest.Builder request, int expected) {
        try {
            long started = System.nanoTime();
            HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (answer.statusCode() != expected) {
                throw new IllegalStateException(act + ": " + answer.request().uri().getPath() + " answered "
                        + answer.statusCode() + ": " + answer.body());
            }
            timings.accept(act, millis);
            return answer.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(act + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String found(Pattern pattern, String answer) {
        Matcher found = pattern.matcher(answer);
        if (!found.find()) {
            throw new IllegalStateException("not in the answer: " + answer);
        }
        return found.group(1);
    }
}
