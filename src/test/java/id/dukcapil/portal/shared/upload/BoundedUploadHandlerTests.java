package id.dukcapil.portal.shared.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.streams.UploadEvent;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Issue 12, finding 14: an upload stops reading at its cap, whether or not the client stated a length. */
class BoundedUploadHandlerTests {

    private static final int CAP = 5 * 1024 * 1024;

    @Test
    void a_chunked_50_MB_body_is_refused_after_reading_no_more_than_the_cap() throws IOException {
        EndlessBody body = new EndlessBody(50L * 1024 * 1024);
        AtomicReference<byte[]> received = new AtomicReference<>();
        UploadEvent event = xhrUpload(body, -1);

        BoundedUploadHandler.inMemory(CAP, (metadata, bytes) -> received.set(bytes)).handleUploadRequest(event);

        assertThat(event.isRejected()).isTrue();
        assertThat(received.get()).isNull();
        assertThat(body.read).isLessThanOrEqualTo(CAP + 8 * 1024);
    }

    @Test
    void a_stated_length_over_the_cap_is_refused_without_reading() throws IOException {
        EndlessBody body = new EndlessBody(50L * 1024 * 1024);
        UploadEvent event = xhrUpload(body, 50L * 1024 * 1024);

        BoundedUploadHandler.inMemory(CAP, (metadata, bytes) -> { }).handleUploadRequest(event);

        assertThat(event.isRejected()).isTrue();
        assertThat(body.read).isZero();
    }

    @Test
    void a_file_within_the_cap_arrives_whole() throws IOException {
        EndlessBody body = new EndlessBody(CAP);
        AtomicReference<byte[]> received = new AtomicReference<>();
        UploadEvent event = xhrUpload(body, -1);

        BoundedUploadHandler.inMemory(CAP, (metadata, bytes) -> received.set(bytes)).handleUploadRequest(event);

        assertThat(event.isRejected()).isFalse();
        assertThat(received.get()).hasSize(CAP);
    }

    private static UploadEvent xhrUpload(EndlessBody body, long statedLength) {
        MockHttpServletRequest servletRequest = new MockHttpServletRequest("POST", "/VAADIN/dynamic/resource/0/x/upload") {
            @Override
            public ServletInputStream getInputStream() {
                return body;
            }
        };
        return new UploadEvent(new VaadinServletRequest(servletRequest, null), null, null, "document.pdf",
                statedLength, "application/pdf", null, null);
    }

    /** A request body of the given size that is generated as it is read and counts what was read. */
    private static final class EndlessBody extends ServletInputStream {
        private final long size;
        long read;

        EndlessBody(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read >= size) {
                return -1;
            }
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - read);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
            read += n;
            return n;
        }

        @Override
        public boolean isFinished() {
            return read >= size;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
