package id.dukcapil.portal.population.extract;

import id.dukcapil.portal.population.Address;
import id.dukcapil.portal.population.CardPrint;
import id.dukcapil.portal.population.CardPrintReason;
import id.dukcapil.portal.population.GoneReason;
import id.dukcapil.portal.shared.Email;
import id.dukcapil.portal.shared.Finding;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.NumberCheck;
import id.dukcapil.portal.shared.RegionDirectory;
import id.dukcapil.portal.shared.Sex;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules one row must meet on its own: every required value present and within its length, NIK and KK number
 * valid (decision 014), the NIK agreeing with the birth date and sex, the coded columns in SIAK's words, the
 * village in the region data and inside the import's region. Every reason is reported, not only the first.
 */
public final class ExtractRowRules {

    /** How an extract writes a date: SIAK's {@code dd/MM/yyyy}, also {@code dd-MM-yyyy} and ISO. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    /** A printed card's time, office time: {@code 02/03/2015 10:15:00}. */
    public static final DateTimeFormatter PRINT_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final List<DateTimeFormatter> DATES = List.of(DATE,
            DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE);
    private static final Pattern NEIGHBOURHOOD = Pattern.compile("\\d{1,3}");
    private static final Pattern VILLAGE_DIGITS = Pattern.compile("\\d{10}");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d{8,15}");
    private static final Pattern SERVICE_POINT = Pattern.compile("[A-Z0-9-]{1,20}");

    private final String scope;
    private final Set<String> villagesInScope;
    private final Predicate<String> villageExists;
    private final RegionDirectory regions;
    private final LocalDate today;
    private final ZoneId zone;

    /**
     * @param scope           the region the import covers, a regency {@code 32.04} or a district {@code 32.04.37}
     * @param villagesInScope the dotted codes of the scope's villages
     * @param villageExists   whether a code is a village anywhere (asked only for a village outside the scope)
     */
    public ExtractRowRules(String scope, Set<String> villagesInScope, Predicate<String> villageExists,
                           RegionDirectory regions, LocalDate today, ZoneId zone) {
        this.scope = scope;
        this.villagesInScope = Set.copyOf(villagesInScope);
        this.villageExists = villageExists;
        this.regions = regions;
        this.today = today;
        this.zone = zone;
    }

    public CheckedRow check(ExtractRow row) {
        List<Finding> findings = new ArrayList<>();
        for (ExtractColumn column : ExtractColumn.values()) {
            String value = row.get(column);
            if (column.required() && value.isEmpty()) {
                findings.add(Finding.of("extract.row.missing", column.header()));
            } else if (value.length() > column.maxLength()) {
                findings.add(Finding.of("extract.row.too-long", column.header(), column.maxLength()));
            }
        }
        if (!findings.isEmpty()) {
            return new CheckedRow(row, null, findings);
        }
        Nik nik = number(Nik.check(row.get(ExtractColumn.NIK), regions), findings);
        KkNumber kk = number(KkNumber.check(row.get(ExtractColumn.KK_NUMBER), regions), findings);
        LocalDate birthDate = date(row.get(ExtractColumn.BIRTH_DATE), findings);
        Sex sex = code(row, ExtractColumn.SEX, ExtractCodes.SEX, findings);
        var religion = code(row, ExtractColumn.RELIGION, ExtractCodes.RELIGION, findings);
        var marital = code(row, ExtractColumn.MARITAL_STATUS, ExtractCodes.MARITAL, findings);
        var relationship = code(row, ExtractColumn.RELATIONSHIP, ExtractCodes.RELATIONSHIP, findings);
        var education = code(row, ExtractColumn.EDUCATION, ExtractCodes.EDUCATION, findings);
        var enrolment = code(row, ExtractColumn.ENROLMENT_STATUS, ExtractCodes.ENROLMENT, findings);
        GoneReason gone = row.get(ExtractColumn.RESIDENT_STATUS).isEmpty()
                || row.get(ExtractColumn.RESIDENT_STATUS).equalsIgnoreCase("AKTIF")
                || row.get(ExtractColumn.RESIDENT_STATUS).equalsIgnoreCase("HIDUP")
                ? null : code(row, ExtractColumn.RESIDENT_STATUS, ExtractCodes.GONE, findings);
        if (nik != null && birthDate != null && sex != null) {
            findings.addAll(nik.disagreementsWith(birthDate, sex));
        }
        String rt = neighbourhood(row, ExtractColumn.RT, findings);
        String rw = neighbourhood(row, ExtractColumn.RW, findings);
        String village = village(row.get(ExtractColumn.VILLAGE_CODE), findings);
        List<CardPrint> cards = cards(row.get(ExtractColumn.CARD_PRINTS), findings);
        String email = optional(row, ExtractColumn.EMAIL);
        if (email != null && !Email.isValid(email)) {
            findings.add(Finding.of("extract.row.email", email));
        }
        String phone = optional(row, ExtractColumn.PHONE);
        if (phone != null) {
            phone = phone.replaceAll("[\\s-]", "");
            if (!PHONE.matcher(phone).matches()) {
                findings.add(Finding.of("extract.row.phone", row.get(ExtractColumn.PHONE)));
            }
        }
        if (!findings.isEmpty()) {
            return new CheckedRow(row, null, findings);
        }
        return new CheckedRow(row, new ExtractResident(nik, kk, row.get(ExtractColumn.FULL_NAME),
                row.get(ExtractColumn.BIRTH_PLACE), birthDate, sex, religion, marital, relationship, education,
                row.get(ExtractColumn.OCCUPATION), optional(row, ExtractColumn.FATHER_NAME),
                optional(row, ExtractColumn.MOTHER_NAME), new Address(row.get(ExtractColumn.STREET), rt, rw, village),
                enrolment, cards, email, phone, gone), List.of());
    }

    private static <T> @Nullable T number(NumberCheck<T> check, List<Finding> findings) {
        findings.addAll(check.errors());
        return check.value();
    }

    private @Nullable LocalDate date(String text, List<Finding> findings) {
        Optional<LocalDate> date = parseDate(text);
        if (date.isEmpty()) {
            findings.add(Finding.of("extract.row.birth-date", text));
            return null;
        }
        if (date.get().isAfter(today)) {
            findings.add(Finding.of("extract.row.birth-date-future", text));
            return null;
        }
        return date.get();
    }

    static Optional<LocalDate> parseDate(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(text, format));
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        return Optional.empty();
    }

    private static <E extends Enum<E>> @Nullable E code(ExtractRow row, ExtractColumn column, ExtractCodes<E> codes,
                                                         List<Finding> findings) {
        Optional<E> value = codes.read(row.get(column));
        if (value.isEmpty()) {
            findings.add(Finding.of("extract.row.code", column.header(), row.get(column), codes.words()));
        }
        return value.orElse(null);
    }

    private static String neighbourhood(ExtractRow row, ExtractColumn column, List<Finding> findings) {
        String text = row.get(column);
        if (!NEIGHBOURHOOD.matcher(text).matches() || Integer.parseInt(text) == 0) {
            findings.add(Finding.of("extract.row.neighbourhood", column.header(), text));
            return text;
        }
        return "%03d".formatted(Integer.parseInt(text));
    }

    private String village(String text, List<Finding> findings) {
        String code = VILLAGE_DIGITS.matcher(text).matches()
                ? text.substring(0, 2) + "." + text.substring(2, 4) + "." + text.substring(4, 6) + "." + text.substring(6)
                : text;
        if (villagesInScope.contains(code)) {
            return code;
        }
        findings.add(villageExists.test(code) ? Finding.of("extract.row.village-outside", code, scope)
                : Finding.of("extract.row.village-unknown", text));
        return code;
    }

    private List<CardPrint> cards(String text, List<Finding> findings) {
        List<CardPrint> cards = new ArrayList<>();
        if (text.isEmpty()) {
            return cards;
        }
        for (String print : text.split("\\|")) {
            String[] parts = print.strip().split("\\s+", 4);
            Optional<CardPrintReason> reason = parts.length == 4 ? ExtractCodes.CARD_REASON.read(parts[3]) : Optional.empty();
            try {
                if (reason.isEmpty() || !SERVICE_POINT.matcher(parts[2]).matches()) {
                    throw new DateTimeParseException("not a print", print, 0);
                }
                LocalDateTime at = LocalDateTime.parse(parts[0] + " " + parts[1], PRINT_TIME);
                if (at.toLocalDate().isAfter(today)) {
                    throw new DateTimeParseException("in the future", print, 0);
                }
                cards.add(new CardPrint(at.atZone(zone).toInstant(), parts[2], reason.get()));
            } catch (DateTimeParseException e) {
                findings.add(Finding.of("extract.row.card", print.strip()));
            }
        }
        return cards;
    }

    private static @Nullable String optional(ExtractRow row, ExtractColumn column) {
        String value = row.get(column);
        return value.isEmpty() || value.equals("-") ? null : value;
    }
}
