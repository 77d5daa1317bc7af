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
 * A request whose body is read through a {@link Pace}: its stream and reader count each read. A small body is read
 * whole at once ({@link #readWhole}), a form's fields with it, rather than later by Tomcat, whose own reading of a
 * form no filter can pace ({@link BodyReception}, decision 179).
 */
final class PacedRequest extends HttpServletRequestWrapper {

    /** Told of each read: its byte count, or -1 at the body's end; throws to end a body that came too slowly. */
    interface Pace {
        void received(int count) throws IOException;
    }

    private final Pace pace;
    private ServletInputStream paced;
    /** The body once read whole. */
    private byte[] whole;
    private Map<String, String[]> parameters;

    PacedRequest(HttpServletRequest request, Pace pace) {
        super(request);
        this.pace = pace;
    }

    /**
     * Reads the body whole, now, at the pace; the request's stream and reader then serve it from memory, and an
     * {@code application/x-www-form-urlencoded} body's fields join the query's as the request's parameters.
     *
     * @return false when the body is longer than {@code maxBytes} (nothing beyond it is read)
     */
    boolean readWhole(int maxBytes) throws IOException {
        byte[] body = getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            return false;
        }
        whole = body;
        paced = null;
        String type = getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            parameters = form(body);
        }
        return true;
    }

    private Map<String, String[]> form(byte[] body) {
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
        return Collections.unmodifiableMap(merged);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (whole != null) {
            return new BodyInMemory(whole);
        }
        if (paced == null) {
            paced = new PacedStream(super.getInputStream(), pace);
        }
        return paced;
    }

    @Override
    public int getContentLength() {
        return whole == null ? super.getContentLength() : whole.length;
    }

    @Override
    public long getContentLengthLong() {
        return whole == null ? super.getContentLengthLong() : whole.length;
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
