package id.dukcapil.portal.staff.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouterLink;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.HomeCard;
import id.dukcapil.portal.shared.ui.HomeWidget;
import id.dukcapil.portal.staff.MyAccount;
import id.dukcapil.portal.staff.StaffAdministration;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The staff module's parts of the home view. */
@Configuration(proxyBeanMethods = false)
class StaffHomeWidgets {

    /** ADMIN: how many accounts are active and locked, and the way to the administration. */
    @Bean
    HomeWidget staffAccountsWidget(StaffAdministration administration, CurrentRoles roles) {
        return new HomeWidget() {
            @Override
            public boolean visibleToCurrentUser() {
                return roles.hasAny(Role.ADMIN);
            }

            @Override
            public int order() {
                return 800;
            }

            @Override
            public Component create() {
                var counts = administration.counts();
                HomeCard card = new HomeCard(UI.getCurrent().getTranslation("home.staff.title"));
                return card.figure("staff-active", counts.active(), card.getTranslation("home.staff.active"))
                        .figure("staff-locked", counts.locked(), card.getTranslation("home.staff.locked"))
                        .actions(new RouterLink(card.getTranslation("home.staff.open"), StaffAdminView.class));
            }
        };
    }

    /** Everyone: their last sign-in and the way to change the password. */
    @Bean
    HomeWidget myAccountWidget(MyAccount myAccount, Clock clock) {
        return new HomeWidget() {
            @Override
            public boolean visibleToCurrentUser() {
                return true;
            }

            @Override
            public int order() {
                return 900;
            }

            @Override
            public Component create() {
                HomeCard card = new HomeCard(UI.getCurrent().getTranslation("home.account.title"));
                // The sign-in before this one (issue 54: the last one shown was always the one just made).
                myAccount.current().ifPresent(account -> card.figure("last-sign-in",
                        account.previousSignInAt() == null ? "—" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                                .withLocale(UI.getCurrent().getLocale()).withZone(clock.getZone())
                                .format(account.previousSignInAt()),
                        card.getTranslation("home.account.last-sign-in")));
                return card.actions(new RouterLink(card.getTranslation("nav.password"), ChangePasswordView.class));
            }
        };
    }

}
