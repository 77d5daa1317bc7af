package id.dukcapil.portal.shared.upload;

import java.io.IOException;
import java.io.InputStream;

import com.vaadin.flow.server.streams.InMemoryUploadCallback;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import com.vaadin.flow.server.streams.UploadResult;

/**
 * An in-memory upload that reads at most {@code maxBytes + 1} bytes and refuses the file with 413 past that.
 * Vaadin's own {@code UploadHandler.inMemory} reads the whole body first; a chunked request states no length, so a
 * 300 MB body went into the heap before any size check. Use the same constant for {@code Upload#setMaxFileSize}.
 */
public final class BoundedUploadHandler implements UploadHandler {

    /** The rejection message Vaadin passes back to the Upload component; its client shows its own text. */
    static final String TOO_LARGE = "too-large";

    private final long maxBytes;
    private final InMemoryUploadCallback callback;

    public BoundedUploadHandler(long maxBytes, InMemoryUploadCallback callback) {
        if (maxBytes <= 0 || maxBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.callback = callback;
    }

    public static BoundedUploadHandler inMemory(long maxBytes, InMemoryUploadCallback callback) {
        return new BoundedUploadHandler(maxBytes, callback);
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        // A stated length over the cap is refused before reading a byte; -1 means chunked.
        if (event.getFileSize() > maxBytes) {
            event.reject(TOO_LARGE);
            return;
        }
        byte[] bytes;
        try (InputStream in = event.getInputStream()) {
            bytes = in.readNBytes((int) maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            // Stop here: the rest of the body is not read (Tomcat swallows at most max-swallow-size, then closes).
            event.reject(TOO_LARGE);
            return;
        }
        callback.complete(new UploadMetadata(event.getFileName(), event.getContentType(), bytes.length), bytes);
    }

    @Override
    public void responseHandled(UploadResult result) {
        if (result.exception() == null && result.allRejected() && result.rejectedFiles().stream()
                .allMatch(rejected -> TOO_LARGE.equals(rejected.reason()))) {
            result.response().setStatus(413);
            return;
        }
        UploadHandler.super.responseHandled(result);
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + 64 * 1024; // room for a multipart request's headers and boundaries
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }
}
