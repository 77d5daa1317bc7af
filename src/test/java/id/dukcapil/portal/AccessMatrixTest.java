package id.dukcapil.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import id.dukcapil.portal.shared.Role;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.junit.jupiter.api.Test;

/**
 * Each role opens exactly its views and no others. The expected matrix is written out here: a new view fails
 * this test until someone decides who may open it.
 */
class AccessMatrixTest {

    /** Who may open each route; {@code ANYONE_SIGNED_IN} and {@code ANONYMOUS} as the names say. */
    private static final Map<String, Set<Role>> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("login", Access.ANONYMOUS),
            Map.entry("", Access.ANYONE_SIGNED_IN),
            Map.entry("password", Access.ANYONE_SIGNED_IN),
            Map.entry("staff", EnumSet.of(Role.ADMIN)),
            Map.entry("service-points", EnumSet.of(Role.ADMIN)),
            Map.entry("audit", EnumSet.of(Role.ADMIN, Role.MANAGER)),
            Map.entry("sla", EnumSet.of(Role.MANAGER, Role.ADMIN, Role.HEAD)),
            Map.entry("reports", EnumSet.of(Role.MANAGER, Role.HEAD, Role.ADMIN)),
            Map.entry("outbox", EnumSet.of(Role.ADMIN)),
            Map.entry("mailbox", EnumSet.of(Role.ADMIN)),
            Map.entry("residents", EnumSet.allOf(Role.class)),
            Map.entry("residents/import", EnumSet.of(Role.ADMIN)),
            Map.entry("signing", EnumSet.of(Role.HEAD)),
            Map.entry("certificates", EnumSet.of(Role.ADMIN)),
            Map.entry("verify", Access.ANONYMOUS),
            Map.entry("kk/operator", EnumSet.of(Role.OPERATOR, Role.VERIFIER, Role.ADMIN)),
            Map.entry("kk/verifier", EnumSet.of(Role.VERIFIER)),
            Map.entry("kk/clients", EnumSet.of(Role.ADMIN)),
            Map.entry("blanko", EnumSet.of(Role.PLANNER, Role.MANAGER, Role.ADMIN, Role.PRINT_OPERATOR)),
            Map.entry("counter", EnumSet.of(Role.OPERATOR, Role.PRINT_OPERATOR)),
            Map.entry("booking-for-resident", EnumSet.of(Role.OPERATOR, Role.PRINT_OPERATOR, Role.PLANNER, Role.MANAGER,
                    Role.ADMIN)),
            Map.entry("quota-calendar", EnumSet.of(Role.PLANNER, Role.MANAGER, Role.ADMIN)),
            Map.entry("bds", Access.ANONYMOUS),
            Map.entry("bds/daftar", Access.ANONYMOUS),
            Map.entry("bds/otp", Access.ANONYMOUS),
            Map.entry("bds/masuk", Access.ANONYMOUS),
            Map.entry("bds/booking", Access.ANONYMOUS),
            Map.entry("bds/riwayat", Access.ANONYMOUS),
            Map.entry("bds/lupa-sandi", Access.ANONYMOUS),
            Map.entry("ikd", EnumSet.of(Role.IKD_OFFICER)),
            Map.entry("demo/ikd-app", Access.ANONYMOUS),
            Map.entry("registrasi", EnumSet.of(Role.REGISTRATION_OPERATOR)),
            Map.entry("perekaman", EnumSet.of(Role.RECORDING_OPERATOR)),
            Map.entry("antrean/:point", Access.ANONYMOUS),
            Map.entry("sekolah", EnumSet.of(Role.PLANNER, Role.MANAGER, Role.ADMIN)),
            Map.entry("jadwal-sekolah", EnumSet.of(Role.PLANNER, Role.MANAGER, Role.ADMIN)),
            Map.entry("jadwal-sekolah/rekonsiliasi", EnumSet.of(Role.PLANNER, Role.ADMIN)),
            Map.entry("lapangan", EnumSet.of(Role.FIELD_OFFICER, Role.OPERATOR, Role.RECORDING_OPERATOR,
                    Role.PRINT_OPERATOR)),
            Map.entry("cetak-sekolah", EnumSet.of(Role.PRINT_OPERATOR, Role.FIELD_OFFICER)),
            Map.entry("pos-lapangan", EnumSet.of(Role.FIELD_OFFICER, Role.ADMIN)),
            Map.entry("perekaman/pos-luring", EnumSet.of(Role.PLANNER, Role.ADMIN)),
            Map.entry("pos-kecamatan", EnumSet.of(Role.REGISTRATION_OPERATOR, Role.RECORDING_OPERATOR,
                    Role.ADMIN)),
            Map.entry("pos-kecamatan/papan", EnumSet.of(Role.REGISTRATION_OPERATOR, Role.RECORDING_OPERATOR,
                    Role.ADMIN)),
            Map.entry("bukti/:token", Access.ANONYMOUS)));

    private final AccessAnnotationChecker checker = new AccessAnnotationChecker();
    private final Map<String, Class<?>> routes = routes();

    @Test
    void every_route_has_a_decided_access() {
        assertThat(routes.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void each_role_opens_exactly_its_views(Role role) {
        Principal user = () -> "someone";
        Set<String> opens = routes.entrySet().stream()
                .filter(route -> checker.hasAccess(route.getValue(), user, name -> name.equals(role.name())))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Set<String> expected = EXPECTED.entrySet().stream()
                .filter(entry -> entry.getValue() == Access.ANYONE_SIGNED_IN || entry.getValue().contains(role)
                        || entry.getValue() == Access.ANONYMOUS)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(opens).as("views %s opens", role).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @NullSource
    void someone_not_signed_in_opens_only_the_public_pages(Principal nobody) {
        Set<String> opens = routes.entrySet().stream()
                .filter(route -> checker.hasAccess(route.getValue(), nobody, name -> false))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(opens).containsExactlyInAnyOrder("login", "verify", "bds", "bds/daftar", "bds/otp", "bds/masuk",
                "bds/booking", "bds/riwayat", "bds/lupa-sandi", "demo/ikd-app", "antrean/:point", "bukti/:token");
    }

    private static Map<String, Class<?>> routes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Map<String, Class<?>> routes = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents(PortalApplication.class.getPackageName())) {
            try {
                Class<?> view = Class.forName(candidate.getBeanClassName());
                routes.put(view.getAnnotation(Route.class).value(), view);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return routes;
    }

    /** Marker sets, compared by identity. */
    private static final class Access {
        static final Set<Role> ANYONE_SIGNED_IN = Set.copyOf(Arrays.asList(Role.values()));
        static final Set<Role> ANONYMOUS = Set.of();
    }
}
