package id.dukcapil.portal.shared.upload;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import com.vaadin.flow.server.streams.UploadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An upload copied to a file in {@code directory} as it arrives, for files larger than the heap should hold (a
 * population extract): the same hard cap as {@link BoundedUploadHandler} — a stated length over it is refused
 * before reading, and the copy stops and is deleted at the first byte past it (decision 073).
 */
public final class BoundedFileUploadHandler implements UploadHandler {

    /** What to do with a file that arrived whole; the callback owns the file from then on. */
    @FunctionalInterface
    public interface FileCallback {
        void complete(UploadMetadata metadata, Path file) throws IOException;
    }

    private final long maxBytes;
    private final Path directory;
    private final FileCallback callback;

    private BoundedFileUploadHandler(long maxBytes, Path directory, FileCallback callback) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.directory = directory;
        this.callback = callback;
    }

    public static BoundedFileUploadHandler toFile(long maxBytes, Path directory, FileCallback callback) {
        return new BoundedFileUploadHandler(maxBytes, directory, callback);
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        if (event.getFileSize() > maxBytes) {
            event.reject(BoundedUploadHandler.TOO_LARGE);
            return;
        }
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "upload-", ".part");
        boolean kept = false;
        try {
            long copied = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = event.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    copied += n;
                    if (copied > maxBytes) {
                        // Stop here: the rest of the body is not read (Tomcat swallows at most max-swallow-size).
                        event.reject(BoundedUploadHandler.TOO_LARGE);
                        return;
                    }
                    out.write(buffer, 0, n);
                }
            }
            callback.complete(new UploadMetadata(event.getFileName(), event.getContentType(), copied), file);
            kept = true;
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Override
    public void responseHandled(UploadResult result) {
        if (result.exception() == null && result.allRejected() && result.rejectedFiles().stream()
                .allMatch(rejected -> BoundedUploadHandler.TOO_LARGE.equals(rejected.reason()))) {
            result.response().setStatus(413);
            return;
        }
        UploadHandler.super.responseHandled(result);
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + 64 * 1024;
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
