package id.dukcapil.portal.schoolvisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.shared.spreadsheet.XlsxSheetReaderTest;
import id.dukcapil.portal.staff.StaffAccounts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A school list or a roster of hundreds of thousands of rows (issue 41 item 7: a 2.7 MB sheet took 0.73–0.86 GB of heap) is
 * refused with the row limit in words, quickly, without the sheet being read whole and without a row saved.
 */
@PortalTest
class OversizedSheetTests {

    /** Thirty times the roster's limit; a million rows would be past the upload's cap of 4 MB as SXSSF writes them. */
    private static final int ROWS = 600_000;
    private static byte[] hugeSheet;

    @Autowired RosterImport rosterImport;
    @Autowired SchoolListImport schoolList;
    @Autowired Schools schools;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired MessageSource messages;
    @Autowired TestClock clock;

    @BeforeAll
    static void aSheetOfMoreThanHalfAMillionRows() throws IOException {
        hugeSheet = XlsxSheetReaderTest.sheetOf(ROWS);
        assertThat(hugeSheet.length).as("within the upload's cap, as the reported 2.7 MB sheet")
                .isLessThan(RosterImport.MAX_UPLOAD_BYTES);
    }

    @Test
    void a_roster_of_600_000_rows_is_refused_at_the_row_limit_without_being_read_whole() {
        String planner = staffAccounts.create(Set.of(Role.PLANNER), "Sandi-Kuat-2026");
        String village = jdbc.queryForObject("SELECT MIN(code) FROM shared_region_village", String.class);
        School school = SignedInAs.call(users, planner, () -> schools.create(new SchoolForm(
                String.valueOf(10_000_000 + Math.floorMod(System.nanoTime(), 89_999_999)), "SMA Negeri Sejuta Baris",
                SchoolLevel.SMA, "Jl. Panjang 1", village, "Bu Guru", "081200000001", null, "DINAS")));
        long allocatedBefore = allocatedBytes();
        long started = System.nanoTime();

        assertThatThrownBy(() -> SignedInAs.call(users, planner, () -> rosterImport.importRoster(school.id(),
                LocalDate.now(clock), new ByteArrayInputStream(hugeSheet))))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> {
                    assertThat(refused.messageKeys()).containsExactly("schoolvisit.roster.too-many-rows");
                    assertThat(messages.getMessage(refused.messageKeys().getFirst(), refused.args(),
                            PortalMessages.INDONESIAN)).isEqualTo("Berkas berisi lebih dari 20.000 baris. "
                            + "Bagi menjadi beberapa berkas.");
                });

        assertRefusedEarly(started, allocatedBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_student WHERE school_id = ?", Integer.class,
                school.id())).isZero();
    }

    @Test
    void a_school_list_of_600_000_rows_is_refused_at_the_row_limit_before_any_school_is_saved() {
        String planner = staffAccounts.create(Set.of(Role.PLANNER), "Sandi-Kuat-2026");
        int schoolsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_school", Integer.class);
        long allocatedBefore = allocatedBytes();
        long started = System.nanoTime();

        assertThatThrownBy(() -> SignedInAs.call(users, planner,
                () -> schoolList.importList("DINAS", new ByteArrayInputStream(hugeSheet))))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> {
                    assertThat(refused.messageKeys()).containsExactly("schoolvisit.roster.too-many-rows");
                    assertThat(refused.args()).containsExactly(SchoolListImport.MAX_ROWS);
                });

        assertRefusedEarly(started, allocatedBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_school", Integer.class))
                .isEqualTo(schoolsBefore);
    }

    /**
     * Read whole, the sheet took seconds and most of a gigabyte; streamed and stopped at the limit, it takes a
     * fraction of a second and a few megabytes (the copy of the upload, the reader's buffers, the rows kept).
     */
    private static void assertRefusedEarly(long started, long allocatedBefore) {
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(5_000);
        long allocated = allocatedBytes() - allocatedBefore;
        if (allocated >= 0) {
            assertThat(allocated).as("bytes allocated by the import's thread").isLessThan(200L * 1024 * 1024);
        }
    }

    /** What this thread allocated so far, or -1 where the JVM does not tell. */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
            return threads.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }
}
