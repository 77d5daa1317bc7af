package id.dukcapil.portal.population.extract;

import id.dukcapil.portal.population.CardPrintReason;
import id.dukcapil.portal.population.Education;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.GoneReason;
import id.dukcapil.portal.population.MaritalStatus;
import id.dukcapil.portal.population.Relationship;
import id.dukcapil.portal.population.Religion;
import id.dukcapil.portal.shared.Sex;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words SIAK writes in an extract's coded columns and the register's values they stand for. The first word of
 * each value is the one the portal writes (template, example, the generator's extract); the others are read too.
 */
public final class ExtractCodes<E extends Enum<E>> {

    public static final ExtractCodes<Sex> SEX = new ExtractCodes<>(Sex.class)
            .with(Sex.MALE, "LAKI-LAKI", "L", "LAKI LAKI").with(Sex.FEMALE, "PEREMPUAN", "P");
    public static final ExtractCodes<Religion> RELIGION = new ExtractCodes<>(Religion.class)
            .with(Religion.ISLAM, "ISLAM").with(Religion.CHRISTIAN, "KRISTEN")
            .with(Religion.CATHOLIC, "KATHOLIK", "KATOLIK").with(Religion.HINDU, "HINDU")
            .with(Religion.BUDDHIST, "BUDHA", "BUDDHA").with(Religion.CONFUCIAN, "KHONGHUCU", "KONGHUCU")
            .with(Religion.INDIGENOUS_BELIEF, "KEPERCAYAAN TERHADAP TUHAN YME", "KEPERCAYAAN");
    public static final ExtractCodes<MaritalStatus> MARITAL = new ExtractCodes<>(MaritalStatus.class)
            .with(MaritalStatus.NEVER_MARRIED, "BELUM KAWIN").with(MaritalStatus.MARRIED, "KAWIN", "KAWIN TERCATAT",
                    "KAWIN BELUM TERCATAT")
            .with(MaritalStatus.DIVORCED, "CERAI HIDUP").with(MaritalStatus.WIDOWED, "CERAI MATI");
    public static final ExtractCodes<Relationship> RELATIONSHIP = new ExtractCodes<>(Relationship.class)
            .with(Relationship.HEAD, "KEPALA KELUARGA").with(Relationship.HUSBAND, "SUAMI")
            .with(Relationship.WIFE, "ISTRI").with(Relationship.CHILD, "ANAK")
            .with(Relationship.CHILD_IN_LAW, "MENANTU").with(Relationship.GRANDCHILD, "CUCU")
            .with(Relationship.PARENT, "ORANG TUA").with(Relationship.PARENT_IN_LAW, "MERTUA")
            .with(Relationship.OTHER_RELATIVE, "FAMILI LAIN").with(Relationship.HOUSEHOLD_HELPER, "PEMBANTU")
            .with(Relationship.OTHER, "LAINNYA");
    public static final ExtractCodes<Education> EDUCATION = new ExtractCodes<>(Education.class)
            .with(Education.NONE, "TIDAK/BELUM SEKOLAH")
            .with(Education.PRIMARY_NOT_FINISHED, "BELUM TAMAT SD/SEDERAJAT")
            .with(Education.PRIMARY, "TAMAT SD/SEDERAJAT").with(Education.JUNIOR_SECONDARY, "SLTP/SEDERAJAT")
            .with(Education.SENIOR_SECONDARY, "SLTA/SEDERAJAT").with(Education.DIPLOMA_I_II, "DIPLOMA I/II")
            .with(Education.DIPLOMA_III, "AKADEMI/DIPLOMA III/S. MUDA", "DIPLOMA III")
            .with(Education.BACHELOR, "DIPLOMA IV/STRATA I", "STRATA I").with(Education.MASTER, "STRATA II")
            .with(Education.DOCTORATE, "STRATA III");
    public static final ExtractCodes<EnrolmentStatus> ENROLMENT = new ExtractCodes<>(EnrolmentStatus.class)
            .with(EnrolmentStatus.NOT_RECORDED, "BELUM REKAM")
            .with(EnrolmentStatus.BIOMETRICS_CAPTURED, "SUDAH REKAM")
            .with(EnrolmentStatus.SENT_FOR_ENROLMENT, "DIKIRIM")
            .with(EnrolmentStatus.ENROLMENT_FAILED, "GAGAL ENROLMENT")
            .with(EnrolmentStatus.DUPLICATE_RECORD, "DUPLICATE RECORD")
            .with(EnrolmentStatus.PRINT_READY, "PRINT READY RECORD", "PRINT READY", "SIAP CETAK");
    public static final ExtractCodes<CardPrintReason> CARD_REASON = new ExtractCodes<>(CardPrintReason.class)
            .with(CardPrintReason.FIRST, "BARU").with(CardPrintReason.LOST, "HILANG")
            .with(CardPrintReason.DAMAGED, "RUSAK").with(CardPrintReason.DATA_CHANGED, "PERUBAHAN DATA");
    public static final ExtractCodes<GoneReason> GONE = new ExtractCodes<>(GoneReason.class)
            .with(GoneReason.DIED, "MATI", "MENINGGAL").with(GoneReason.MOVED_OUT, "PINDAH", "PINDAH KELUAR");

    private final Map<String, E> read = new HashMap<>();
    private final Map<E, String> written;

    private ExtractCodes(Class<E> type) {
        this.written = new EnumMap<>(type);
    }

    private ExtractCodes<E> with(E value, String word, String... alsoRead) {
        written.put(value, word);
        read.put(normal(word), value);
        for (String other : alsoRead) {
            read.put(normal(other), value);
        }
        return this;
    }

    public Optional<E> read(String word) {
        return Optional.ofNullable(read.get(normal(word)));
    }

    public String word(E value) {
        return written.get(value);
    }

    /** The words SIAK writes, for a message that says what would have been understood. */
    public String words() {
        return String.join(", ", written.values());
    }

    private static String normal(String word) {
        return word.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }
}
