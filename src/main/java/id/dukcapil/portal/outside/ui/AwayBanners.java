package id.dukcapil.portal.outside.ui;

import com.vaadin.flow.component.Component;
import id.dukcapil.portal.outside.OutsideSystem;
import id.dukcapil.portal.outside.OutsideSystems;
import id.dukcapil.portal.outside.WaitingWork;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.live.LiveChanges;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.ShellBanner;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The shell's banner of the outside systems away, for the users whose work waits on them ({@link
 * OutsideSystem#waitingRoles()}): the Kepala Dinas and admins for BSrE, everyone for the mail, WhatsApp and SMS,
 * planners, field officers and admins for SIAK (decision 198).
 */
@org.springframework.stereotype.Component
class AwayBanners implements ShellBanner {

    private final OutsideSystems systems;
    private final List<WaitingWork> waiting;
    private final CurrentRoles roles;
    private final LiveChanges changes;
    private final Clock clock;

    AwayBanners(OutsideSystems systems, List<WaitingWork> waiting, CurrentRoles roles, LiveChanges changes,
                Clock clock) {
        this.systems = systems;
        this.waiting = waiting;
        this.roles = roles;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public Component create() {
        Set<OutsideSystem> waitedOn = EnumSet.noneOf(OutsideSystem.class);
        for (OutsideSystem system : OutsideSystem.values()) {
            if (roles.hasAny(system.waitingRoles().toArray(Role[]::new))) {
                waitedOn.add(system);
            }
        }
        return new AwayBanner(systems, waiting, waitedOn, changes, clock);
    }
}
