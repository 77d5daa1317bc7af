package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;

/**
 * A view the signed-in user's roles do not open (the operator on the Kepala Dinas's {@code /signing}): HTTP 403 and
 * a page that says so, in place of Vaadin's {@code RouteAccessDeniedError}, which showed it as an unknown address.
 * Vaadin's navigation access control reroutes here only for a signed-in user; an anonymous visitor of a staff view
 * still goes to the sign-in page.
 */
@AnonymousAllowed
class NotAllowedPage extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    NotAllowedPage(AuthenticationContext staff, List<CitizenSignIn> citizens) {
        super(staff, citizens, "error.forbidden.title", "error.forbidden.text");
        addClassName("not-allowed-page");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        show(event);
        return HttpStatusCode.FORBIDDEN.getCode();
    }
}
