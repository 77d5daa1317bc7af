package id.dukcapil.portal.shared.backup;

import id.dukcapil.portal.shared.Sha256;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over a stream of any length, in chunks of 1 MiB each sealed on its own (decision 184): one GCM seal over
 * a whole dump would make Java hold all of it in memory before it may hand out a byte. Each chunk's nonce is the file's
 * random prefix and the chunk's number, its associated data the header, the number and whether it is the last, so that a
 * chunk moved, dropped, or a file cut short after a whole chunk is refused, not read as a shorter backup.
 * <p>
 * File: {@code DKPB}, version 1, the key's fingerprint (8 bytes, names the key without revealing it), the nonce prefix
 * (8 bytes); then chunks: last flag (1 byte), length (4 bytes), sealed bytes.
 */
public final class BackupCipher {

    private static final byte[] MAGIC = "DKPB".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int CHUNK = 1 << 20;
    private static final int TAG_BITS = 128;
    private static final int HEADER = MAGIC.length + 1 + 8 + 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final byte[] keyId;

    /** @param keyBytes 32 bytes or more (more are hashed down to 32) */
    public BackupCipher(byte[] keyBytes) {
        if (keyBytes.length < 32) {
            throw new IllegalArgumentException("The backup key must have at least 32 bytes");
        }
        byte[] aes = keyBytes.length == 32 ? keyBytes.clone() : Sha256.newDigest().digest(keyBytes);
        this.key = new SecretKeySpec(aes, "AES");
        MessageDigest sha256 = Sha256.newDigest();
        sha256.update("dukcapil-backup-key-id:".getBytes(StandardCharsets.US_ASCII));
        this.keyId = Arrays.copyOf(sha256.digest(aes), 8);
    }

    /** The key's fingerprint, 16 hex digits: written in the manifest and each file, names the key a restore needs. */
    public String keyId() {
        return HexFormat.of().formatHex(keyId);
    }

    /** Seals what is written to it into {@code sink}; closing it writes the last chunk and closes {@code sink}. */
    public OutputStream seal(OutputStream sink) throws IOException {
        byte[] header = ByteBuffer.allocate(HEADER).put(MAGIC).put((byte) VERSION).put(keyId)
                .put(randomPrefix()).array();
        sink.write(header);
        return new Sealing(new DataOutputStream(sink), header);
    }

    /** Opens a sealed stream; a wrong key, an altered or a cut-short file fail the read with an IOException. */
    public InputStream open(InputStream sealed) throws IOException {
        DataInputStream in = new DataInputStream(sealed);
        byte[] header = new byte[HEADER];
        in.readFully(header);
        if (!Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length) || header[MAGIC.length] != VERSION) {
            throw new IOException("Not a backup file of the portal (version " + VERSION + ")");
        }
        byte[] sealedWith = Arrays.copyOfRange(header, MAGIC.length + 1, MAGIC.length + 9);
        if (!Arrays.equals(sealedWith, keyId)) {
            throw new IOException("This file was sealed with the backup key " + HexFormat.of().formatHex(sealedWith)
                    + "; the configured BACKUP_KEY is " + keyId() + ". Set BACKUP_KEY to the key of the backup.");
        }
        return new Opening(in, header);
    }

    private static byte[] randomPrefix() {
        byte[] prefix = new byte[8];
        RANDOM.nextBytes(prefix);
        return prefix;
    }

    private Cipher cipher(int mode, byte[] header, int number, boolean last) throws IOException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] nonce = ByteBuffer.allocate(12).put(header, HEADER - 8, 8).putInt(number).array();
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(ByteBuffer.allocate(5).putInt(number).put((byte) (last ? 1 : 0)).array());
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    private final class Sealing extends OutputStream {
        private final DataOutputStream out;
        private final byte[] header;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private int number;
        private boolean closed;

        Sealing(DataOutputStream out, byte[] header) {
            this.out = out;
            this.header = header;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (filled == CHUNK) {
                    chunk(false);
                }
                int taken = Math.min(length, CHUNK - filled);
                System.arraycopy(bytes, offset, buffer, filled, taken);
                filled += taken;
                offset += taken;
                length -= taken;
            }
        }

        private void chunk(boolean last) throws IOException {
            try {
                byte[] sealed = cipher(Cipher.ENCRYPT_MODE, header, number++, last).doFinal(buffer, 0, filled);
                out.writeByte(last ? 1 : 0);
                out.writeInt(sealed.length);
                out.write(sealed);
                filled = 0;
            } catch (GeneralSecurityException e) {
                throw new IOException("Could not seal a backup chunk: " + e.getMessage(), e);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                chunk(true);
                out.close();
            }
        }
    }

    private final class Opening extends InputStream {
        private final DataInputStream in;
        private final byte[] header;
        private byte[] plain = new byte[0];
        private int position;
        private int number;
        private boolean ended;

        Opening(DataInputStream in, byte[] header) {
            this.in = in;
            this.header = header;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            while (position == plain.length) {
                if (ended) {
                    return -1;
                }
                next();
            }
            int given = Math.min(length, plain.length - position);
            System.arraycopy(plain, position, bytes, offset, given);
            position += given;
            return given;
        }

        private void next() throws IOException {
            try {
                boolean last = in.readByte() == 1;
                int length = in.readInt();
                if (length < 0 || length > CHUNK + 16) {
                    throw new IOException("A backup chunk of " + length + " bytes: the file is damaged");
                }
                byte[] sealed = new byte[length];
                in.readFully(sealed);
                plain = cipher(Cipher.DECRYPT_MODE, header, number++, last).doFinal(sealed);
                position = 0;
                ended = last;
            } catch (EOFException e) {
                throw new IOException("The backup file is cut short (chunk " + number + " missing)", e);
            } catch (AEADBadTagException e) {
                throw new IOException("The backup file was altered or damaged (chunk " + (number - 1) + ")", e);
            } catch (GeneralSecurityException e) {
                throw new IOException("Could not open a backup chunk: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
