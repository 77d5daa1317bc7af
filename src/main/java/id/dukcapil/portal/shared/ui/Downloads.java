package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.InputStreamDownloadHandler;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/**
 * A file the portal makes when it is asked for, named in its address as well as in its header: a PDF opened in the
 * browser's viewer and saved from there keeps its name (with the name only in the header, the viewer offers
 * "download.pdf"), and so does a link saved with "Save link as".
 */
public final class Downloads {

    private Downloads() {
    }

    /** The file under {@code fileName}, its content made at the click. */
    public static InputStreamDownloadHandler named(String fileName, String contentType, Supplier<byte[]> content) {
        String name = safe(fileName);
        return DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), name, contentType, bytes.length);
        }, name);
    }

    /** The name as an address's last segment can carry it: letters, digits, dot, dash and underscore. */
    public static String safe(String fileName) {
        String safe = fileName.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return safe.isEmpty() ? "berkas" : safe;
    }
}
