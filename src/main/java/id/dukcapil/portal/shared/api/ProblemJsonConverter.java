package id.dukcapil.portal.shared.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Problem details written as JSON without Jackson (decision 111): on the day a quota opens most of the citizens'
 * API's answers are refusals, and for each Jackson set up a writer and a generator for six members. The document is
 * the one Spring's Jackson mixin wrote: the standard members, then each property at the top level. Its length is
 * known, so the answer goes out whole instead of chunked.
 */
final class ProblemJsonConverter implements HttpMessageConverter<ProblemDetail> {

    private static final List<MediaType> TYPES = List.of(MediaType.APPLICATION_PROBLEM_JSON, MediaType.APPLICATION_JSON);

    @Override
    public boolean canRead(Class<?> clazz, @Nullable MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(Class<?> clazz, @Nullable MediaType mediaType) {
        return ProblemDetail.class.isAssignableFrom(clazz) && (mediaType == null
                || MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(mediaType)
                || MediaType.APPLICATION_JSON.isCompatibleWith(mediaType));
    }

    @Override
    public List<MediaType> getSupportedMediaTypes() {
        return TYPES;
    }

    @Override
    public ProblemDetail read(Class<? extends ProblemDetail> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("Problem details are only written", input);
    }

    @Override
    public void write(ProblemDetail problem, @Nullable MediaType contentType, HttpOutputMessage output)
            throws IOException {
        byte[] json = json(problem).getBytes(StandardCharsets.UTF_8);
        boolean plainJson = contentType != null && MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                && !contentType.isWildcardSubtype();
        output.getHeaders().setContentType(plainJson ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON);
        output.getHeaders().setContentLength(json.length);
        output.getBody().write(json);
    }

    /** The problem as JSON: type, title, status, detail and instance where set, then the properties. */
    static String json(ProblemDetail problem) {
        StringBuilder json = new StringBuilder(256).append('{');
        member(json, "type", problem.getType());
        member(json, "title", problem.getTitle());
        member(json, "status", problem.getStatus());
        member(json, "detail", problem.getDetail());
        member(json, "instance", problem.getInstance());
        Map<String, @Nullable Object> properties = problem.getProperties();
        if (properties != null) {
            properties.forEach((name, value) -> member(json, name, value));
        }
        return json.append('}').toString();
    }

    private static void member(StringBuilder json, String name, @Nullable Object value) {
        if (value == null) {
            return;
        }
        if (json.length() > 1) {
            json.append(',');
        }
        string(json, name);
        json.append(':');
        value(json, value);
    }

    private static void value(StringBuilder json, @Nullable Object value) {
        switch (value) {
            case null -> json.append("null");
            case Number number -> json.append(number);
            case Boolean bool -> json.append(bool);
            case Map<?, ?> map -> {
                json.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    json.append(first ? "" : ",");
                    first = false;
                    string(json, String.valueOf(entry.getKey()));
                    json.append(':');
                    value(json, entry.getValue());
                }
                json.append('}');
            }
            case Collection<?> items -> {
                json.append('[');
                boolean first = true;
                for (Object item : items) {
                    json.append(first ? "" : ",");
                    first = false;
                    value(json, item);
                }
                json.append(']');
            }
            default -> string(json, value.toString());
        }
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u%04x".formatted((int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
