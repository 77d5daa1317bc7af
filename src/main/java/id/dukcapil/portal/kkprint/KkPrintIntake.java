package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.kkprint.KkPrintRefusal.Code;
import id.dukcapil.portal.kkprint.internal.FamilySnapshot;
import id.dukcapil.portal.kkprint.internal.Lifecycle;
import id.dukcapil.portal.kkprint.internal.RequestStore;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.PhoneNumber;
import id.dukcapil.portal.shared.RegionDirectory;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP B steps 4–5 as the portal sees them: the IKD app submits a request; it is checked against the registry and
 * lands in the operator's inbox (step 6 starts). The citizen follows it by its tracking number.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.IKD_GATEWAY + "', '" + Roles.ADMIN + "', '" + Roles.OPERATOR + "')")
public class KkPrintIntake {

    private static final char[] TRACKING_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final DateTimeFormatter TRACKING_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    private final PopulationRegistry registry;
    private final RequestStore store;
    private final StepClock stepClock;
    private final Lifecycle lifecycle;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    KkPrintIntake(PopulationRegistry registry, RequestStore store, StepClock stepClock, Lifecycle lifecycle,
                  AuditLog auditLog, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.stepClock = stepClock;
        this.lifecycle = lifecycle;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Checks and stores a request; refused with a {@link KkPrintRefusal} naming the first problem. */
    @Transactional
    public SubmittedRequest submit(IntakeForm form) {
        Nik nik = Nik.check(form.requesterNik(), RegionDirectory.ANY).optional()
                .orElseThrow(() -> new KkPrintRefusal(Code.INVALID_NIK));
        KkNumber kkNumber = KkNumber.check(form.kkNumber(), RegionDirectory.ANY).optional()
                .orElseThrow(() -> new KkPrintRefusal(Code.INVALID_KK_NUMBER));
        KkPrintReason reason = Arrays.stream(KkPrintReason.values()).filter(r -> r.name().equals(form.reason()))
                .findFirst().orElseThrow(() -> new KkPrintRefusal(Code.INVALID_REASON, form.reason()));
        String description = form.description() == null ? "" : form.description().strip();
        if (description.length() > IntakeForm.DESCRIPTION_MAX_LENGTH) {
            throw new KkPrintRefusal(Code.INVALID_DESCRIPTION, IntakeForm.DESCRIPTION_MAX_LENGTH);
        }
        Contact contact = Contact.of(form.phone(), form.channel());
        // One answer for an unknown NIK, an unknown KK number and a NIK not on that card: the app learns nothing of a
        // NIK that its user cannot prove with the family card (issue 41, as the IKD gateway and the BDS answer).
        Resident requester = registry.findByNik(nik).orElse(null);
        Family family = registry.findFamily(kkNumber).orElse(null);
        if (requester == null || family == null || !requester.familyId().equals(family.id())) {
            throw new KkPrintRefusal(Code.PERSON_NOT_CONFIRMED);
        }
        RequestEligibility.refusal(requester, family).ifPresent(code -> {
            throw new KkPrintRefusal(code);
        });
        String email = email(form.email(), requester);
        Instant now = clock.instant();
        String trackingNumber = trackingNumber(LocalDate.ofInstant(now, clock.getZone()));
        var request = new RequestStore.NewRequest(trackingNumber, nik.value(), requester.fullName(), email,
                kkNumber.value(), reason, description, now, FamilySnapshot.of(family), contact.phone(),
                contact.channel().name());
        String actor = lifecycle.currentActor().id();
        var step = stepClock.enter(Lifecycle.caseRef(trackingNumber), SopStep.B6_OPERATOR_CHECK, now, actor, null);
        long id;
        try {
            id = store.insert(request, RequestState.SUBMITTED, Inbox.OPERATOR, SopStep.B6_OPERATOR_CHECK.name(),
                    now.plus(step.standard()));
        } catch (DuplicateKeyException e) {
            throw new KkPrintRefusal(Code.OPEN_REQUEST_EXISTS);
        }
        store.appendHistory(id, now, actor, null, RequestState.SUBMITTED, null, true);
        auditLog.record(AuditRecord.success("kkprint.request.submitted", "KkPrintRequest", trackingNumber)
                .withDetail("KK " + kkNumber.masked() + ", " + reason + ", news by "
                        + contact.channel().displayName()));
        return new SubmittedRequest(trackingNumber, RequestState.SUBMITTED);
    }

    /** The request's state and history as the citizen may see it. */
    @Transactional(readOnly = true)
    public CitizenStatus status(String trackingNumber) {
        RequestStore.Row row = store.findByTrackingNumber(trackingNumber)
                .orElseThrow(() -> new KkPrintRefusal(Code.REQUEST_NOT_FOUND));
        return new CitizenStatus(row.trackingNumber(), row.state(), row.submittedAt(), store.history(row.id())
                .stream()
                .map(entry -> new CitizenStatus.Event(entry.at(), entry.to(), entry.reasonPublic() ? entry.reason() : null))
                .toList());
    }

    /** The phone (optional) and the channel of the request's news; WhatsApp or SMS need the phone. */
    private record Contact(@Nullable String phone, Channel channel) {

        static Contact of(@Nullable String typedPhone, @Nullable String typedChannel) {
            String phone = typedPhone == null || typedPhone.isBlank() ? null : PhoneNumber.normalized(typedPhone)
                    .orElseThrow(() -> new KkPrintRefusal(Code.INVALID_PHONE));
            Channel channel = typedChannel == null || typedChannel.isBlank() ? Channel.EMAIL
                    : Arrays.stream(Channel.values()).filter(c -> c.name().equals(typedChannel.strip())).findFirst()
                    .orElseThrow(() -> new KkPrintRefusal(Code.INVALID_CHANNEL));
            if (channel != Channel.EMAIL && phone == null) {
                throw new KkPrintRefusal(Code.INVALID_CHANNEL);
            }
            return new Contact(phone, channel);
        }
    }

    private static String email(@Nullable String given, Resident requester) {
        String email = given != null && !given.isBlank() ? given.strip() : requester.email();
        if (email == null || email.isBlank() || email.indexOf('@') < 1) {
            throw new KkPrintRefusal(Code.EMAIL_REQUIRED);
        }
        return email;
    }

    private String trackingNumber(LocalDate day) {
        StringBuilder number = new StringBuilder("KK").append(TRACKING_DATE.format(day));
        for (int i = 0; i < 6; i++) {
            number.append(TRACKING_ALPHABET[random.nextInt(TRACKING_ALPHABET.length)]);
        }
        return number.toString();
    }
}
