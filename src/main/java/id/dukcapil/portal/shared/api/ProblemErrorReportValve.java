package id.dukcapil.portal.shared.api;

import java.io.PrintWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * What Tomcat answers by itself, before any servlet, filter or controller sees the request — a path with {@code %00}
 * or an encoded slash, a malformed header line, an oversized header — is a problem document too, not Tomcat's HTML
 * page (issue 12, finding 12). Replaces Spring Boot's own error report valve (which only hides the server's
 * version); an error the portal already answered is left alone.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    private final ApiProblems problems;

    ProblemErrorReportValve(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus answer = known == null ? HttpStatus.BAD_REQUEST : known;
        String code = answer == HttpStatus.BAD_REQUEST ? "INVALID_REQUEST" : answer.name();
        String key = answer.is5xxServerError() ? "shared.api.failed" : "shared.api.malformed";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(problems.body(request, answer, code, key));
                response.finishResponse();
            }
        } catch (java.io.IOException | IllegalStateException answerGone) {
            // The client is gone or the response was committed meanwhile: nothing left to tell.
        }
    }
}
