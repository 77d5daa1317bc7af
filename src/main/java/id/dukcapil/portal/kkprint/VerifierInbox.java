package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.kkprint.internal.FamilyAtVerification;
import id.dukcapil.portal.kkprint.internal.FamilySnapshot;
import id.dukcapil.portal.kkprint.internal.Lifecycle;
import id.dukcapil.portal.kkprint.internal.KkRequestEntity;
import id.dukcapil.portal.kkprint.internal.KkRequestRepository;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.Finding;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.signing.SigningQueue;
import id.dukcapil.portal.signing.SigningRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SOP B step 7: the JFM or administrator official verifies a forwarded request against the registry as it is now
 * and validates it for the Kepala Dinas's signature, or rejects it back to the operator or to the citizen.
 */
@Service
@PreAuthorize("hasRole('" + Roles.VERIFIER + "')")
public class VerifierInbox {

    private final KkRequestRepository store;
    private final KkRequests requests;
    private final PopulationRegistry registry;
    private final Lifecycle lifecycle;
    private final SigningQueue signingQueue;
    private final CitizenMail mail;
    private final TransactionTemplate transactions;
    private final PersonalDataViews personalData;
    private final java.time.Clock clock;

    VerifierInbox(KkRequestRepository store, KkRequests requests, PopulationRegistry registry, Lifecycle lifecycle,
                  SigningQueue signingQueue, CitizenMail mail,
                  TransactionTemplate transactions, PersonalDataViews personalData, java.time.Clock clock) {
        this.personalData = personalData;
        this.store = store;
        this.requests = requests;
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.signingQueue = signingQueue;
        this.mail = mail;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The request beside its family as the registry has it now, with every problem found, shown to the verifier: the
     * requester, the KK and each member are recorded as seen (issue 50), so no screen can forget it.
     */
    @Transactional(readOnly = true)
    public Review review(long id) {
        Review review = check(id);
        List<PersonalData> shown = new ArrayList<>(List.of(PersonalData.nik(review.request().requesterNik()),
                PersonalData.kk(review.request().row().kkNumber())));
        review.family().ifPresent(family -> family.members()
                .forEach(member -> shown.add(PersonalData.of(member.nik()))));
        personalData.viewed("kk/verifier", shown);
        return review;
    }

    /** The review without anyone shown it: what verifying checks again. */
    private Review check(long id) {
        KkRequestEntity row = store.findById(id)
                .orElseThrow(() -> new KkPrintRefusal(KkPrintRefusal.Code.REQUEST_NOT_FOUND));
        RequestDetail detail = requests.detail(id).orElseThrow();
        Optional<Family> family = registry.findFamily(KkNumber.of(row.kkNumber()));
        List<Finding> problems = new ArrayList<>();
        Set<Long> flagged = new HashSet<>();
        List<Finding> changes = new ArrayList<>();
        if (family.isEmpty()) {
            problems.add(Finding.of("kkprint.problem.family-gone"));
        } else {
            Family now = family.get();
            Optional<Resident> requester = registry.findByNik(Nik.of(row.requesterNik()));
            if (requester.isEmpty()) {
                problems.add(Finding.of("kkprint.problem.requester-gone"));
            } else {
                RequestEligibility.refusal(requester.get(), now).ifPresent(code -> {
                    problems.add(Finding.of("kkprint.problem.requester-not-eligible", requester.get().fullName()));
                    flagged.add(requester.get().id());
                });
            }
            for (Resident member : now.members()) {
                if (member.enrolmentStatus() == EnrolmentStatus.DUPLICATE_RECORD) {
                    problems.add(Finding.of("kkprint.problem.duplicate-record", member.fullName()));
                    flagged.add(member.id());
                }
                if (FamilySnapshot.changed(row.familySnapshot(), member)) {
                    flagged.add(member.id());
                }
            }
            changes.addAll(FamilySnapshot.changes(row.familySnapshot(), now));
            Optional.ofNullable(row.registryRefreshedAt()).ifPresent(at -> changes.addFirst(Finding.of("kkprint.change.registry-refreshed",
                    java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(at.atZone(clock.getZone())))));
        }
        return new Review(detail, family, problems, flagged, changes);
    }

    /**
     * Verified and validated: the card goes to the Kepala Dinas for signature (step 8 starts). Refused while the
     * review finds a problem; changes since the request are the verifier's to weigh, having seen them.
     */
    @Transactional
    public void verify(long id) {
        // Locked before the review reads it: the review and the move see the same row, no one else's change between.
        KkRequestEntity request = request(id);
        Review review = check(id);
        if (!review.problems().isEmpty()) {
            Finding first = review.problems().getFirst();
            throw new RuleViolation(first.messageKey(), first.argsArray());
        }
        // Signing asks KkCards for the card when the Kepala Dinas signs; step 8 runs on kkprint's clock.
        Family family = review.family().orElseThrow();
        lifecycle.record(request, request.verify(FamilyAtVerification.of(family)), null);
        Resident head = family.head().orElseGet(() -> family.members().getFirst());
        signingQueue.submit(new SigningRequest(KkCards.SOURCE_TYPE, request.trackingNumber(), KkCards.KIND,
                KkCards.PREFIX, family.kkNumber().value(), head.fullName(), head.nik().value(),
                java.util.Objects.requireNonNull(request.stepDueAt())));
    }

    /**
     * Verifies each selected request on its own, each checked as if alone: one with a problem, or with changes
     * since the request (to be looked at one by one), is left in the inbox with the reason.
     */
    public List<BatchOutcome> verifyAll(List<Long> ids) {
        List<BatchOutcome> outcomes = new ArrayList<>();
        for (long id : ids) {
            String tracking = store.findById(id).map(KkRequestEntity::trackingNumber).orElse(String.valueOf(id));
            try {
                transactions.executeWithoutResult(status -> {
                    Review review = check(id);
                    if (!review.changes().isEmpty()) {
                        throw new RuleViolation("kkprint.problem.changed-verify-alone");
                    }
                    verify(id);
                });
                outcomes.add(new BatchOutcome(tracking, null));
            } catch (RuleViolation refused) {
                outcomes.add(new BatchOutcome(tracking, Finding.of(refused.messageKeys().getFirst(), refused.args())));
            }
        }
        return outcomes;
    }

    /** Rejected with a reason: back to the operator's check, or closed and e-mailed to the citizen. */
    @Transactional
    public void reject(long id, String reason, boolean toCitizen) {
        String text = KkRequests.reason(reason);
        KkRequestEntity request = request(id);
        lifecycle.record(request, toCitizen ? request.reject() : request.sendBack(), text);
        if (toCitizen) {
            mail.returned(request, "kkprint-rejected", text);
        }
    }

    private KkRequestEntity request(long id) {
        return KkRequests.locked(store, id);
    }
}
