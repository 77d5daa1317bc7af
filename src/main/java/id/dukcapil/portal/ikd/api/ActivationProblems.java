package id.dukcapil.portal.ikd.api;

import id.dukcapil.portal.ikd.IkdRefusal;
import id.dukcapil.portal.shared.api.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** SOP E's refusals as problem documents with the stable code the IKD app switches on. */
@RestControllerAdvice(assignableTypes = ActivationController.class)
class ActivationProblems {

    private final ApiProblems problems;

    ActivationProblems(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(IkdRefusal.class)
    ResponseEntity<ProblemDetail> refused(IkdRefusal refusal, HttpServletRequest request) {
        return problems.answer(request, HttpStatus.valueOf(refusal.code().httpStatus()), refusal.code().name(),
                problems.text(request, refusal.messageKeys().getFirst(), refusal.args()));
    }
}
