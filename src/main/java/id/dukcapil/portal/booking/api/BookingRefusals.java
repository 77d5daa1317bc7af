package id.dukcapil.portal.booking.api;

import id.dukcapil.portal.booking.BookingRefused;
import id.dukcapil.portal.shared.api.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The BDS API's refused bookings, answered ahead of Spring MVC's annotated exception handlers (decision 111):
 * finding an {@code @ExceptionHandler} for each refusal, calling it by reflection and negotiating its answer's
 * converter cost a refused booking a sixth of its time, and on the day a quota opens most answers are refusals
 * (700 of a burst's 1,000). The problem is the one every API writes: the refusal's code, its status, its messages.
 */
@Component
class BookingRefusals implements HandlerExceptionResolver, Ordered {

    private final ApiProblems problems;

    BookingRefusals(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
                                                   @Nullable Object handler, Exception failure) {
        if (!(failure instanceof BookingRefused refused) || !(handler instanceof HandlerMethod method)
                || method.getBeanType() != BdsApiController.class) {
            return null;
        }
        try {
            problems.write(request, response, HttpStatus.valueOf(refused.code().httpStatus()), refused.code().name(),
                    refused);
        } catch (IOException clientGone) {
            // Nobody is left to read the answer.
        }
        return new ModelAndView();
    }

    /** After Boot's error attributes (which only remember the failure), before MVC's own resolvers. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
