package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;

/**
 * An address no view answers (a typo, an old link, a route not registered such as the demo mailbox beside a real mail
 * server): HTTP 404 and a page that says so, in place of Vaadin's {@code RouteNotFoundError}. Anybody may see it.
 */
@AnonymousAllowed
class NotFoundPage extends ErrorPage implements HasErrorParameter<NotFoundException> {

    NotFoundPage(AuthenticationContext staff, List<CitizenSignIn> citizens) {
        super(staff, citizens, "error.not-found.title", "error.not-found.text");
        addClassName("not-found-page");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show(event);
        return HttpStatusCode.NOT_FOUND.getCode();
    }
}
