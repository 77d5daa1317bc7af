package id.dukcapil.portal.population.extract;

import id.dukcapil.portal.population.Address;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.Email;

/**
 * The columns the portal reads from a SIAK extract, in the template's order, with the header SIAK writes. A header
 * is matched ignoring case, spaces and underscores; other columns are ignored.
 */
public enum ExtractColumn {
    NIK("NIK", true, 16),
    KK_NUMBER("NO_KK", true, 16),
    FULL_NAME("NAMA_LENGKAP", true, Resident.NAME_MAX_LENGTH),
    BIRTH_PLACE("TEMPAT_LAHIR", true, Resident.BIRTH_PLACE_MAX_LENGTH),
    BIRTH_DATE("TANGGAL_LAHIR", true, 10),
    SEX("JENIS_KELAMIN", true, 10),
    RELIGION("AGAMA", true, 40),
    MARITAL_STATUS("STATUS_KAWIN", true, 20),
    RELATIONSHIP("SHDK", true, 20),
    EDUCATION("PENDIDIKAN", true, 40),
    OCCUPATION("PEKERJAAN", true, Resident.OCCUPATION_MAX_LENGTH),
    FATHER_NAME("NAMA_AYAH", false, Resident.NAME_MAX_LENGTH),
    MOTHER_NAME("NAMA_IBU", false, Resident.NAME_MAX_LENGTH),
    STREET("ALAMAT", true, Address.STREET_MAX_LENGTH),
    RT("RT", true, 3),
    RW("RW", true, 3),
    VILLAGE_CODE("KODE_DESA", true, 13),
    ENROLMENT_STATUS("STATUS_REKAM", true, 30),
    CARD_PRINTS("RIWAYAT_CETAK", false, 400),
    EMAIL("EMAIL", false, Email.MAX_LENGTH),
    PHONE("TELEPON", false, 20),
    RESIDENT_STATUS("STATUS_PENDUDUK", false, 10);

    /** No field of an extract is longer: a longer one is refused, not read on (a malicious file has no end). */
    public static final int FIELD_MAX_LENGTH = 400;

    private final String header;
    private final boolean required;
    private final int maxLength;

    ExtractColumn(String header, boolean required, int maxLength) {
        this.header = header;
        this.required = required;
        this.maxLength = maxLength;
    }

    public String header() {
        return header;
    }

    public boolean required() {
        return required;
    }

    public int maxLength() {
        return maxLength;
    }

    /** A header as written in a file, compared without case, spaces and underscores. */
    static String headerKey(String text) {
        return text.replace("\uFEFF", "").replaceAll("[\\s_\\-.]", "").toUpperCase(java.util.Locale.ROOT);
    }
}
