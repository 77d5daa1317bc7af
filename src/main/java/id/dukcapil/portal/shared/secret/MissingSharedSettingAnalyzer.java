package id.dukcapil.portal.shared.secret;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which setting is missing and what to set, in place of a stack trace through the bean that needed it. */
class MissingSharedSettingAnalyzer extends AbstractFailureAnalyzer<MissingSharedSetting> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSharedSetting cause) {
        SharedSetting setting = cause.setting();
        return new FailureAnalysis("With an external database (DB_URL) the portal needs " + setting.what()
                + " from its configuration, the same on every node, and " + setting.variable() + " ("
                + setting.property() + ") is not set. A node never makes one of its own: two nodes would disagree.",
                cause.action(), cause);
    }
}
