package id.dukcapil.portal.staff;

import id.dukcapil.portal.staff.internal.StaffAccountRepository;
import id.dukcapil.portal.shared.Role;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff by name where the columns keep a username: a report or a screen shows people, not accounts. */
@Service
public class StaffNames {

    private final StaffAccountRepository accounts;

    StaffNames(StaffAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The full name of each username that is a staff account; others (the portal, a gateway) are left out. */
    @Transactional(readOnly = true)
    public Map<String, String> of(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        return accounts.namesOf(usernames).stream()
                .collect(Collectors.toMap(StaffAccountRepository.Name::getUsername, StaffAccountRepository.Name::getFullName));
    }

    /** The active accounts with any of the roles, username to full name, in name order: a team to choose from. */
    @Transactional(readOnly = true)
    public Map<String, String> withAnyRole(Collection<Role> roles) {
        Map<String, String> names = new LinkedHashMap<>();
        if (!roles.isEmpty()) {
            accounts.activeNamesWithAnyRole(roles).forEach(name -> names.put(name.getUsername(), name.getFullName()));
        }
        return names;
    }
}
