package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.kkprint.KkPrintRefusal.Code;
import id.dukcapil.portal.kkprint.internal.FamilySnapshot;
import id.dukcapil.portal.kkprint.internal.Lifecycle;
import id.dukcapil.portal.kkprint.internal.KkRequestEntity;
import id.dukcapil.portal.kkprint.internal.KkRequestRepository;
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
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.shared.throttle.Limit;
import id.dukcapil.portal.shared.throttle.Throttle;
import id.dukcapil.portal.shared.throttle.Throttles;
import id.dukcapil.portal.sla.StepClock;
import id.dukcapil.portal.shared.tx.UniqueKeys;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * SOP B steps 4–5 as the portal sees them: the IKD app submits a request; it is checked against the registry and
 * lands in the operator's inbox (step 6 starts). The citizen follows it by its tracking number.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.IKD_GATEWAY + "', '" + Roles.ADMIN + "', '" + Roles.OPERATOR + "')")
public class KkPrintIntake {

    /**
     * NIK and KK number that do not name one person, per client address (issue 52, item 9; decision 176): guessing
     * which family card a NIK is on stops here, as at the IKD activation (decision 130). Per address, not per NIK: a
     * stranger's wrong guesses must not lock the owner out.
     */
    public static final Limit UNPROVEN_PER_CLIENT = Limit.of(10, Duration.ofHours(1));
    private static final char[] TRACKING_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final DateTimeFormatter TRACKING_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    private final PopulationRegistry registry;
    private final KkRequestRepository store;
    private final StepClock stepClock;
    private final Lifecycle lifecycle;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Throttle unprovenPerClient;
    private final SecureRandom random = new SecureRandom();

    KkPrintIntake(PopulationRegistry registry, KkRequestRepository store, StepClock stepClock, Lifecycle lifecycle,
                  AuditLog auditLog, Clock clock, Throttles throttles) {
        this.registry = registry;
        this.store = store;
        this.stepClock = stepClock;
        this.lifecycle = lifecycle;
        this.auditLog = auditLog;
        this.clock = clock;
        // Shared: a guess at which family card a NIK is on is a guess at a secret, counted once for the cluster.
        this.unprovenPerClient = throttles.of("kkprint.intake.unproven.client", UNPROVEN_PER_CLIENT);
    }

    /**
     * Checks and stores a request; refused with a {@link KkPrintRefusal} naming the first problem. A NIK and KK number
     * that do not name one person count against the client's address, and once it has none left every request from it
     * is refused before the proof is looked at ({@code INTAKE_THROTTLED}), so no answer tells a right guess from a
     * wrong one. The refusal keeps its transaction, so that the count is kept with it; nothing else is written before
     * a refusal but the step clock of a request that lost a race, which is undone explicitly.
     *
     * @param client the address of the citizen's phone (the IKD app's), or of the staff member's browser
     */
    @Transactional(noRollbackFor = KkPrintRefusal.class)
    public SubmittedRequest submit(IntakeForm form, String client) {
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
        if (unprovenPerClient.spent(client)) {
            throw new KkPrintRefusal(Code.INTAKE_THROTTLED); // asked before the proof: no answer tells it now
        }
        // One answer for an unknown NIK, an unknown KK number and a NIK not on that card: the app learns nothing of a
        // NIK that its user cannot prove with the family card (issue 41, as the IKD gateway and the BDS answer).
        Resident requester = registry.findByNik(nik).orElse(null);
        Family family = registry.findFamily(kkNumber).orElse(null);
        if (requester == null || family == null || !requester.familyId().equals(family.id())) {
            unprovenPerClient.take(client);
            throw new KkPrintRefusal(Code.PERSON_NOT_CONFIRMED);
        }
        RequestEligibility.refusal(requester, family).ifPresent(code -> {
            throw new KkPrintRefusal(code);
        });
        String email = email(form.email(), requester);
        Instant now = clock.instant();
        String trackingNumber = trackingNumber(LocalDate.ofInstant(now, clock.getZone()));
        String actor = lifecycle.currentActor().id();
        // Step 6 waits in the operators' inbox: its clock starts when one of them takes the request.
        stepClock.queue(Lifecycle.caseRef(trackingNumber), SopStep.B6_OPERATOR_CHECK, now, actor, ServicePoint.DINAS);
        var request = new KkRequestEntity(trackingNumber, nik.value(), requester.fullName(), email, kkNumber.value(),
                reason, description, now, FamilySnapshot.of(family), contact.phone(), contact.channel().name(),
                SopStep.B6_OPERATOR_CHECK.name(), null);
        try {
            lifecycle.submitted(request, actor);
        } catch (DataIntegrityViolationException e) {
            if (!UniqueKeys.violated(e)) {
                throw e;
            }
            // The step clock entered above goes with the refused request: a refusal alone would be committed.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            throw new KkPrintRefusal(Code.OPEN_REQUEST_EXISTS);
        }
        auditLog.record(AuditRecord.success("kkprint.request.submitted", "KkPrintRequest", trackingNumber)
                .withDetail("KK " + kkNumber.masked() + ", " + reason + ", news by "
                        + contact.channel().displayName()));
        return new SubmittedRequest(trackingNumber, RequestState.SUBMITTED);
    }

    /** The request's state and history as the citizen may see it. */
    @Transactional(readOnly = true)
    public CitizenStatus status(String trackingNumber) {
        KkRequestEntity row = store.findByTrackingNumber(trackingNumber)
                .orElseThrow(() -> new KkPrintRefusal(Code.REQUEST_NOT_FOUND));
        return new CitizenStatus(row.trackingNumber(), row.state(), row.submittedAt(), KkRequests.history(store, row.id())
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
