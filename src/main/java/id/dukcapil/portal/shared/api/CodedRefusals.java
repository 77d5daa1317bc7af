package id.dukcapil.portal.shared.api;

import id.dukcapil.portal.shared.CodedRefusal;
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
 * Every API's coded refusal (a booking rule's, SOP B's gateway and kiosks', SOP E's gateway) answered with its code,
 * its status and its messages, ahead of Spring MVC's annotated exception handlers (decision 111): finding an
 * {@code @ExceptionHandler} for each refusal, calling it by reflection and negotiating its answer's converter cost a
 * refused booking a sixth of its time, and on the day a quota opens most answers are refusals (700 of a burst's
 * 1,000).
 */
@Component
class CodedRefusals implements HandlerExceptionResolver, Ordered {

    private final ApiProblems problems;

    CodedRefusals(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
                                                   @Nullable Object handler, Exception failure) {
        if (!(failure instanceof CodedRefusal refusal) || !(handler instanceof HandlerMethod)) {
            return null;
        }
        if (refusal.retryAfter() != null) {
            // Whole seconds, rounded up: a client that waits as told finds its next event free (decision 182).
            long millis = refusal.retryAfter().toMillis();
            response.setHeader("Retry-After", String.valueOf(Math.max(1, (millis + 999) / 1000)));
        }
        try {
            problems.write(request, response, HttpStatus.valueOf(refusal.code().httpStatus()), refusal.code().name(),
                    refusal);
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
