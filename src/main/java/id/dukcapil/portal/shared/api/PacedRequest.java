package id.dukcapil.portal.shared.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request whose body is read through a {@link Pace}: its stream and reader count each read, and a form is read
 * through the same stream ({@link #readForm}) rather than by Tomcat, whose own reading no filter can pace
 * ({@link BodyReception}, decision 179).
 */
final class PacedRequest extends HttpServletRequestWrapper {

    /** Told of each read: its byte count, or -1 at the body's end; throws to end a body that came too slowly. */
    interface Pace {
        void received(int count) throws IOException;
    }

    private final Pace pace;
    private ServletInputStream paced;
    private Map<String, String[]> parameters;

    PacedRequest(HttpServletRequest request, Pace pace) {
        super(request);
        this.pace = pace;
    }

    /**
     * Reads an {@code application/x-www-form-urlencoded} body at the pace, its fields joining the query's as the
     * request's parameters.
     *
     * @return false when the body is longer than {@code maxBytes} (nothing beyond it is read)
     */
    boolean readForm(int maxBytes) throws IOException {
        byte[] body = getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            return false;
        }
        // Tomcat gives only the query's parameters once the body has been taken as a stream.
        Map<String, String[]> merged = new LinkedHashMap<>(super.getParameterMap());
        Charset charset = charset(StandardCharsets.UTF_8);
        for (String field : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            if (field.isEmpty()) {
                continue;
            }
            int equals = field.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? field : field.substring(0, equals), charset);
            String value = equals < 0 ? "" : URLDecoder.decode(field.substring(equals + 1), charset);
            merged.merge(name, new String[] {value}, (before, added) -> {
                String[] both = java.util.Arrays.copyOf(before, before.length + 1);
                both[before.length] = added[0];
                return both;
            });
        }
        parameters = Collections.unmodifiableMap(merged);
        return true;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (paced == null) {
            paced = new PacedStream(super.getInputStream(), pace);
        }
        return paced;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        return new BufferedReader(new InputStreamReader(getInputStream(), charset(StandardCharsets.ISO_8859_1)));
    }

    @Override
    public String getParameter(String name) {
        if (parameters == null) {
            return super.getParameter(name);
        }
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters == null ? super.getParameterMap() : parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return parameters == null ? super.getParameterNames() : Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        return parameters == null ? super.getParameterValues(name) : parameters.get(name);
    }

    private Charset charset(Charset otherwise) {
        String encoding = getCharacterEncoding();
        return encoding == null ? otherwise : Charset.forName(encoding);
    }

    private static final class PacedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final Pace pace;

        PacedStream(ServletInputStream in, Pace pace) {
            this.in = in;
            this.pace = pace;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            pace.received(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = in.read(buffer, offset, length);
            pace.received(count);
            return count;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
