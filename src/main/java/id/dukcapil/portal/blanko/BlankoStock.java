package id.dukcapil.portal.blanko;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.blanko.internal.LedgerRepository;
import id.dukcapil.portal.blanko.internal.StockMovementEntity;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.PageOrder;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blank-card stock per service point. Every change is a ledger line written with the balance in one
 * transaction; taking cards that are not there is refused ({@code blanko.stock.insufficient}), by the database.
 */
@Service
public class BlankoStock {

    /** The recent rate that "days the stock lasts" is computed from. */
    public static final int RATE_WINDOW_DAYS = 14;

    private static final String STOCK_KEEPERS = "hasAnyRole('" + Roles.PLANNER + "','" + Roles.MANAGER + "','"
            + Roles.ADMIN + "')";
    private static final String COUNTER = "hasAnyRole('" + Roles.OPERATOR + "','" + Roles.PRINT_OPERATOR + "','"
            + Roles.MANAGER + "','" + Roles.ADMIN + "')";

    /** The reason a field's spoiled cards carry in the ledger. */
    static final String FIELD_SPOILED = "Rusak di lapangan (kunjungan sekolah)";

    private static final String FIELD = "hasAnyRole('" + Roles.PLANNER + "','" + Roles.FIELD_OFFICER + "','"
            + Roles.MANAGER + "','" + Roles.ADMIN + "')";

    private final LedgerRepository ledger;
    private final ServicePoints servicePoints;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BlankoStock(LedgerRepository ledger, ServicePoints servicePoints, AuditLog auditLog, CurrentActor currentActor, ApplicationEventPublisher events,
                Clock clock) {
        this.ledger = ledger;
        this.servicePoints = servicePoints;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /** A delivery arrived at a point. */
    @Transactional
    @PreAuthorize(STOCK_KEEPERS)
    public StockMovement receive(String servicePoint, int quantity, String deliveryReference) {
        point(servicePoint);
        positive(quantity);
        String reference = required(deliveryReference, "blanko.error.reference-required", StockMovement.REFERENCE_MAX_LENGTH);
        return move(servicePoint, MovementKind.RECEIPT, quantity, reference, null);
    }

    /** Cards leave one point for another: two ledger lines, one transaction. */
    @Transactional
    @PreAuthorize(STOCK_KEEPERS)
    public StockMovement transfer(String from, String to, int quantity, String note) {
        point(from);
        point(to);
        positive(quantity);
        if (from.equals(to)) {
            throw new RuleViolation("blanko.error.transfer-same-point");
        }
        String reason = optional(note, StockMovement.REASON_MAX_LENGTH);
        // Both balance rows are locked in code order, so two opposite transfers at once cannot deadlock.
        if (from.compareTo(to) < 0) {
            StockMovement out = move(from, MovementKind.TRANSFER_OUT, -quantity, to, reason);
            move(to, MovementKind.TRANSFER_IN, quantity, from, reason);
            return out;
        }
        move(to, MovementKind.TRANSFER_IN, quantity, from, reason);
        return move(from, MovementKind.TRANSFER_OUT, -quantity, to, reason);
    }

    /** One card printed for a booking; joins the counter's transaction. */
    @Transactional
    @PreAuthorize(COUNTER)
    public StockMovement printed(String servicePoint, String bookingCode) {
        return move(servicePoint, MovementKind.PRINTED, -1, bookingCode, null);
    }

    /** Blank cards a field team takes to a school visit (SOP D); the visit's reference names it. */
    @Transactional
    @PreAuthorize(FIELD)
    public StockMovement toField(String servicePoint, int quantity, String visitReference) {
        point(servicePoint);
        positive(quantity);
        return move(servicePoint, MovementKind.TO_FIELD, -quantity, visitReference, null);
    }

    /** The blank cards a school visit brought back unused. */
    @Transactional
    @PreAuthorize(FIELD)
    public StockMovement fromField(String servicePoint, int quantity, String visitReference) {
        point(servicePoint);
        positive(quantity);
        return move(servicePoint, MovementKind.FROM_FIELD, quantity, visitReference, null);
    }

    /**
     * Blank cards a school visit spoiled in the field, brought back with its unused ones ({@link #fromField}): out of
     * the usable stock, as spoiled, under the visit's reference.
     */
    @Transactional
    @PreAuthorize(FIELD)
    public StockMovement spoiledInField(String servicePoint, int quantity, String visitReference) {
        point(servicePoint);
        positive(quantity);
        return move(servicePoint, MovementKind.SPOILED, -quantity, visitReference, FIELD_SPOILED);
    }

    /** One card spoiled in the printer, with the reason. */
    @Transactional
    @PreAuthorize(COUNTER)
    public StockMovement spoiled(String servicePoint, @Nullable String bookingCode, String reason) {
        String why = required(reason, "blanko.error.reason-required", StockMovement.REASON_MAX_LENGTH);
        return move(servicePoint, MovementKind.SPOILED, -1, bookingCode, why);
    }

    /** A stock-take counted {@code counted} cards: the ledger gets the difference, with the reason. */
    @Transactional
    @PreAuthorize("hasAnyRole('" + Roles.MANAGER + "','" + Roles.ADMIN + "')")
    public StockMovement correct(String servicePoint, int counted, String reason) {
        point(servicePoint);
        if (counted < 0 || counted > StockMovement.QUANTITY_MAX) {
            throw new RuleViolation("blanko.error.quantity", StockMovement.QUANTITY_MAX);
        }
        String why = required(reason, "blanko.error.reason-required", StockMovement.REASON_MAX_LENGTH);
        int delta = counted - ledger.balanceForUpdate(servicePoint);
        if (delta == 0) {
            throw new RuleViolation("blanko.error.correction-unchanged", counted);
        }
        return move(servicePoint, MovementKind.CORRECTION, delta, null, why);
    }

    @Transactional(readOnly = true)
    public int balance(String servicePoint) {
        return ledger.balance(servicePoint);
    }

    /** Every active point's stock, in the staff module's order. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<StockSummary> summaries() {
        return servicePoints.active().stream().map(this::summary).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public StockSummary summary(String servicePoint) {
        return summary(point(servicePoint));
    }

    /** In the order the grid asks (time, quantity, balance, by whom), else the newest line first. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Slice<StockMovement> history(String servicePoint, Pageable page) {
        return ledger.findByServicePoint(servicePoint, PageOrder.of(page, Sort.by(Sort.Direction.DESC, "id")))
                .map(StockMovementEntity::toRecord);
    }

    /** The balance when the office-local day began: the daily summary's opening stock. */
    @Transactional(readOnly = true)
    public int balanceAtStartOf(String servicePoint, LocalDate day) {
        return ledger.balanceBefore(servicePoint, day.atStartOfDay(clock.getZone()).toInstant()).stream()
                .findFirst().orElse(0);
    }

    /**
     * What moved in the office-local day, by kind, signed (in positive, out negative): with the opening balance, the
     * day's figures add up to its closing balance.
     */
    @Transactional(readOnly = true)
    public java.util.Map<MovementKind, Integer> movedOn(String servicePoint, LocalDate day) {
        java.util.Map<MovementKind, Integer> moved = new java.util.EnumMap<>(MovementKind.class);
        ledger.movedBetween(servicePoint, day.atStartOfDay(clock.getZone()).toInstant(),
                        day.plusDays(1).atStartOfDay(clock.getZone()).toInstant())
                .forEach(kind -> moved.put(kind.getKind(), Math.toIntExact(kind.getQuantity())));
        return moved;
    }

    private StockSummary summary(ServicePoint point) {
        int balance = ledger.balance(point.code());
        int used = ledger.usedSince(point.code(), clock.instant().minus(Duration.ofDays(RATE_WINDOW_DAYS)));
        OptionalInt daysLeft = used == 0 ? OptionalInt.empty()
                : OptionalInt.of((int) ((long) balance * RATE_WINDOW_DAYS / used));
        return new StockSummary(point.code(), point.name(), balance, used, daysLeft);
    }

    private StockMovement move(String servicePoint, MovementKind kind, int quantity, @Nullable String reference,
                               @Nullable String reason) {
        int balance = ledger.change(servicePoint, quantity)
                .orElseThrow(() -> new RuleViolation("blanko.stock.insufficient", servicePoint,
                        ledger.balance(servicePoint), -quantity));
        StockMovement line = ledger.save(new StockMovementEntity(servicePoint, kind, quantity, balance, reference,
                reason, clock.instant(), currentActor.id())).toRecord();
        auditLog.record(AuditRecord.success("blanko." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        "ServicePoint", servicePoint)
                .withDetail("quantity=" + quantity + "; balance=" + balance
                        + (reference == null ? "" : "; reference=" + reference)
                        + (reason == null ? "" : "; reason=" + reason)));
        events.publishEvent(new BlankoStockChanged(servicePoint, balance));
        return line;
    }

    private ServicePoint point(String code) {
        return servicePoints.byCode(code).orElseThrow(() -> new RuleViolation("blanko.error.unknown-point", code));
    }

    private static void positive(int quantity) {
        if (quantity < 1 || quantity > StockMovement.QUANTITY_MAX) {
            throw new RuleViolation("blanko.error.quantity", StockMovement.QUANTITY_MAX);
        }
    }

    private static String required(@Nullable String text, String key, int maxLength) {
        String value = optional(text, maxLength);
        if (value == null) {
            throw new RuleViolation(key);
        }
        return value;
    }

    private static @Nullable String optional(@Nullable String text, int maxLength) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() > maxLength) {
            throw new RuleViolation("blanko.error.too-long", maxLength);
        }
        return value;
    }

}
