package id.dukcapil.portal.population;

import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.region.Region;
import id.dukcapil.portal.shared.region.Regions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The resident lookup of the desk: by NIK, KK number or name, a whole family with statuses and cards. Who does
 * not serve residents at a desk sees the NIK and KK number masked and no contact details
 * (docs/decisions/012-resident-lookup-and-nik-masking.md). Every resident and family it hands to the screen is
 * recorded as seen by the signed-in user (decision 129): here, where the whole numbers are known even when the screen
 * shows them masked.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.OPERATOR + "', '" + Roles.VERIFIER + "', '" + Roles.PRINT_OPERATOR + "', '"
        + Roles.REGISTRATION_OPERATOR + "', '" + Roles.RECORDING_OPERATOR + "', '" + Roles.IKD_OFFICER + "', '"
        + Roles.FIELD_OFFICER + "', '" + Roles.HEAD + "', '" + Roles.MANAGER + "', '" + Roles.PLANNER + "', '"
        + Roles.ADMIN + "')")
public class ResidentLookup {

    /** The desk roles: they compare the NIK with the resident's documents, so they see all of it. */
    public static final Set<Role> WHOLE_NIK_ROLES = EnumSet.of(Role.OPERATOR, Role.VERIFIER, Role.PRINT_OPERATOR,
            Role.REGISTRATION_OPERATOR, Role.RECORDING_OPERATOR, Role.IKD_OFFICER, Role.FIELD_OFFICER);

    /** The one screen the lookup serves, by its route. */
    static final String SCREEN = "residents";

    private final PopulationRegistry registry;
    private final Regions regions;
    private final PersonalDataViews personalData;

    ResidentLookup(PopulationRegistry registry, Regions regions, PersonalDataViews personalData) {
        this.registry = registry;
        this.regions = regions;
        this.personalData = personalData;
    }

    /** Whether the signed-in user sees whole NIKs. */
    public boolean showsWholeNik() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return false;
        }
        Set<String> authorities = new HashSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            authorities.add(authority.getAuthority());
        }
        return WHOLE_NIK_ROLES.stream().anyMatch(role -> authorities.contains(role.authority()));
    }

    public Optional<ResidentView> resident(Nik nik) {
        return registry.findByNik(nik).map(resident -> ResidentView.of(resident, showsWholeNik()));
    }

    public Optional<FamilyView> family(KkNumber kkNumber) {
        return registry.findFamily(kkNumber).map(this::view);
    }

    /** By the registry's id: how a user who sees masked numbers opens a family from a name search. */
    public Optional<FamilyView> family(long familyId) {
        return registry.findFamily(FamilyId.of(familyId)).map(this::view);
    }

    /** Residents whose name starts with the text, a page at a time, never counted. */
    public Slice<ResidentView> byName(String namePrefix, Pageable page) {
        boolean whole = showsWholeNik();
        Slice<Resident> found = registry.findByName(namePrefix, page);
        personalData.viewed(SCREEN, found.getContent().stream().map(resident -> PersonalData.of(resident.nik())).toList());
        return found.map(resident -> ResidentView.of(resident, whole));
    }

    private FamilyView view(Family family) {
        boolean whole = showsWholeNik();
        List<PersonalData> shown = new ArrayList<>();
        shown.add(PersonalData.of(family.kkNumber()));
        family.members().forEach(member -> shown.add(PersonalData.of(member.nik())));
        personalData.viewed(SCREEN, shown);
        Map<Long, List<CardPrint>> cards = new HashMap<>();
        for (Resident member : family.members()) {
            List<CardPrint> printed = registry.cardHistory(member.nik());
            if (!printed.isEmpty()) {
                cards.put(member.id(), printed);
            }
        }
        String villageCode = family.address().villageCode();
        return new FamilyView(family.id().value(), whole ? family.kkNumber().value() : family.kkNumber().masked(),
                family.address(), regions.village(villageCode).map(Region::name).orElse(villageCode),
                regions.district(family.address().districtCode()).map(Region::name).orElse(family.address().districtCode()),
                family.members().stream().map(member -> ResidentView.of(member, whole)).toList(), cards);
    }
}
