package id.dukcapil.portal.browser;

import java.util.List;

/** The demo profile's staff, one user per role (staff's DemoStaff), as the browser walks and benchmarks sign in. */
final class DemoStaff {

    static final List<String> USERS = List.of("admin", "kadis", "verifikator", "operator", "cetak", "perencana",
            "lapangan", "registrasi", "perekaman", "ikd", "manajer");

    private DemoStaff() {
    }
}
