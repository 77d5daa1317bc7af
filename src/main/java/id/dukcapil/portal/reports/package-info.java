/**
 * SLA and performance reports over every SOP's step clocks: the managers' dashboard with its cases, daily
 * rollups that keep it fast over years, Excel workbooks and the monthly report by e-mail.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"sla", "shared", "shared::i18n", "shared::ui", "shared::pdf", "shared::jdbc", "shared::report", "staff",
        "notification", "shared::tx"})
package id.dukcapil.portal.reports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
