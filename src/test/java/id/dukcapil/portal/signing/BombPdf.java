package id.dukcapil.portal.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;
import java.util.zip.Deflater;

/**
 * A PDF decompression bomb as the attacker of issue 52 made one: a cross-reference stream of zeros, about 1 MB deflated
 * that inflates to 1 GB, which PDFBox decodes into the heap while it opens the file. Made in a blink: the deflated
 * megabyte of zeros is one fully flushed block repeated (a full flush forgets the history, so each repeat is the
 * same bytes), closed by an empty final block and the zlib checksum.
 */
public final class BombPdf {

    private static final int CHUNK = 1 << 20;

    private BombPdf() {
    }

    /** A zlib stream of {@code megabytes} MB of zeros. */
    public static byte[] zeros(int megabytes) {
        byte[] zeros = new byte[CHUNK];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(zeros);
        byte[] chunk = drain(deflater, Deflater.FULL_FLUSH);
        deflater.setInput(new byte[0]);
        deflater.finish();
        byte[] last = drain(deflater, Deflater.NO_FLUSH);
        deflater.end();
        Adler32 adler = new Adler32();
        for (int i = 0; i < megabytes; i++) {
            adler.update(zeros);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 + chunk.length * megabytes + last.length + 4);
        out.write(0x78);
        out.write(0xDA);
        for (int i = 0; i < megabytes; i++) {
            out.write(chunk, 0, chunk.length);
        }
        out.write(last, 0, last.length);
        long checksum = adler.getValue();
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (checksum >>> shift) & 0xFF);
        }
        return out.toByteArray();
    }

    /** A whole PDF whose cross-reference stream is {@code megabytes} MB of zeros once inflated. */
    public static byte[] pdf(int megabytes) {
        return withXrefStream(ascii("%PDF-1.7\n%\u00e2\u00e3\n"), zeros(megabytes), 0);
    }

    /**
     * {@code head}, then a catalog and a cross-reference stream holding {@code stream} (FlateDecode); with
     * {@code previous} > 0, an incremental update of a file whose last cross-reference section is there.
     */
    public static byte[] withXrefStream(byte[] head, byte[] stream, long previous) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + stream.length + 512);
        out.writeBytes(head);
        out.writeBytes(ascii("\n9001 0 obj\n<< /Type /Catalog /Pages 9002 0 R >>\nendobj\n"
                + "9002 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"));
        int xref = out.size();
        out.writeBytes(ascii("9003 0 obj\n<< /Type /XRef /Size 9004 /W [1 4 1] /Root 9001 0 R /Filter /FlateDecode"
                + (previous > 0 ? " /Prev " + previous : "") + " /Length " + stream.length + " >>\nstream\n"));
        out.writeBytes(stream);
        out.writeBytes(ascii("\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n"));
        return out.toByteArray();
    }

    /** Everything the deflater gives for its input with this flush (or, once finished, up to its end). */
    private static byte[] drain(Deflater deflater, int flush) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int n = deflater.deflate(buffer, 0, buffer.length, flush);
            out.write(buffer, 0, n);
            boolean done = deflater.finished() || n < buffer.length && deflater.needsInput() && flush != Deflater.NO_FLUSH;
            if (done) {
                return out.toByteArray();
            }
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
