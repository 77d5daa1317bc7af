package id.dukcapil.portal.schoolvisit.internal;

import id.dukcapil.portal.schoolvisit.VisitState;
import id.dukcapil.portal.shared.RuleViolation;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A field team's day at a school: planned, under way with the kit and the blank cards it took, closed. Each change
 * is one method here that refuses in words a change the visit's state does not allow; {@code version} (the store's
 * hand-written column, kept) makes the write conditional on the visit as read.
 */
@Entity
@Table(name = "schoolvisit_visit")
public class SchoolVisitEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private long schoolId;
    private LocalDate day;
    private String kitCode;
    @Enumerated(EnumType.STRING)
    private VisitState state;
    private int cardsTaken;
    private int cardsPrinted;
    private int cardsSpoiled;
    private String plannedBy;
    private Instant plannedAt;
    private @Nullable Instant letterSentAt;
    @ElementCollection
    @CollectionTable(name = "schoolvisit_team", joinColumns = @JoinColumn(name = "visit_id"))
    private Set<TeamMember> team;
    @Version
    private int version;

    protected SchoolVisitEntity() {
        this.day = LocalDate.EPOCH;
        this.kitCode = "";
        this.state = VisitState.PLANNED;
        this.plannedBy = "";
        this.plannedAt = Instant.EPOCH;
        this.team = new HashSet<>();
    }

    /** A visit planned for the day with the kit and the officers. */
    public SchoolVisitEntity(long schoolId, LocalDate day, String kitCode, Collection<String> officers, String by,
                       Instant at) {
        this();
        this.schoolId = schoolId;
        this.day = day;
        this.kitCode = kitCode;
        this.plannedBy = by;
        this.plannedAt = at;
        officers.forEach(officer -> team.add(new TeamMember(officer, day)));
    }

    /** Step 2 begins: the team sets out with the kit and the blank cards taken from the point's stock. */
    public void setOut(int cards) {
        if (state != VisitState.PLANNED) {
            throw new RuleViolation("schoolvisit.error.visit-not-planned");
        }
        this.state = VisitState.UNDERWAY;
        this.cardsTaken = cards;
    }

    /** One blank card of the visit's used, if one is left: the kit's cards are counted like a stock. */
    public void useCard() {
        if (state != VisitState.UNDERWAY) {
            throw new RuleViolation("schoolvisit.error.visit-not-underway");
        }
        if (cardsPrinted + cardsSpoiled >= cardsTaken) {
            throw new RuleViolation("schoolvisit.error.no-cards-left");
        }
        cardsPrinted++;
    }

    /**
     * One blank card of the visit's spoiled in the field (an outpost's printer): used, not returned as unused. Counted
     * only while the visit is underway with cards left: a spoiled card beyond them is the check-in's card difference
     * to explain.
     */
    public void spoilCard() {
        // After the close its cards were counted back: a spoiled one arriving later is for the stock-take.
        if (state == VisitState.UNDERWAY && cardsPrinted + cardsSpoiled < cardsTaken) {
            cardsSpoiled++;
        }
    }

    /** The visit ends; the cards not used go back to the point's stock (its service's part). */
    public void close() {
        if (state != VisitState.UNDERWAY) {
            throw new RuleViolation("schoolvisit.error.visit-not-underway");
        }
        this.state = VisitState.CLOSED;
    }

    /** The notification letter went to the school (again, if sent before). */
    public void letterSent(Instant at) {
        this.letterSentAt = at;
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("Not saved yet");
        }
        return id;
    }

    long schoolId() {
        return schoolId;
    }

    LocalDate day() {
        return day;
    }

    String kitCode() {
        return kitCode;
    }

    VisitState state() {
        return state;
    }

    int cardsTaken() {
        return cardsTaken;
    }

    int cardsSpoiled() {
        return cardsSpoiled;
    }

    int cardsPrinted() {
        return cardsPrinted;
    }

    @Nullable Instant letterSentAt() {
        return letterSentAt;
    }

    /** The officers' usernames, in order. */
    List<String> officers() {
        return team.stream().map(TeamMember::username).sorted().toList();
    }
}
