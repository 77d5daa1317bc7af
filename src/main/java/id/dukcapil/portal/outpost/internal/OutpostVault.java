package id.dukcapil.portal.outpost.internal;

import id.dukcapil.portal.shared.RuleViolation;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outpost's data at rest (issue 53 item 5, decision 199): the roster's personal data and the bundle's secret are
 * sealed with a {@link DataKey} made for the visit held. The key is never written in the clear: each slot holds it
 * wrapped with a key derived from one officer's Dinas password (PBKDF2-HMAC-SHA256), and this node keeps it in memory
 * only. A laptop switched off, restarted or locked reads nothing until an officer with a slot types their password; a
 * laptop between two visits holds no key at all.
 */
@Component
public class OutpostVault {

    /** OWASP's figure for PBKDF2-HMAC-SHA256 (2023): about half a second here, once per take, unlock or slot. */
    static final int ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeySlotRepository slots;
    private final Clock clock;
    private volatile @Nullable DataKey key;

    OutpostVault(KeySlotRepository slots, Clock clock) {
        this.slots = slots;
        this.clock = clock;
    }

    /** Whether there is sealed data this node cannot read now: a key exists in slots, not in memory. */
    public boolean locked() {
        return key == null && slots.count() > 0;
    }

    /** The key in memory, to seal and open with; refused in words while locked. */
    public DataKey key() {
        DataKey open = key;
        if (open == null) {
            throw new RuleViolation("outpost.error.locked");
        }
        return open;
    }

    /**
     * A new data key for a new visit, with one slot: the officer who took it; every earlier slot goes. Written within
     * the transaction that writes the visit, and this node's key only once that committed ({@link #install}): a take
     * that failed leaves the visit held before, and its key, as they were.
     */
    public DataKey fresh(String username, char[] password) {
        slots.deleteAllInBatch();
        username = slotName(username);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        DataKey made = new DataKey(new SecretKeySpec(raw, "AES"));
        Arrays.fill(raw, (byte) 0);
        slots.saveAndFlush(slot(username, password, made));
        return made;
    }

    /** The key of the visit just taken is this node's. */
    public void install(DataKey made) {
        key = made;
    }

    /**
     * Another officer of the visit's team can open the key after a restart too: a slot with their password, in place
     * of their old one in one transaction (never a moment without it).
     */
    @Transactional
    public void addSlot(String username, char[] password) {
        DataKey open = key();
        username = slotName(username);
        slots.findById(username).ifPresent(old -> {
            slots.delete(old);
            slots.flush();
        });
        slots.saveAndFlush(slot(username, password, open));
    }

    /** Opens the key with an officer's password: whether it did (no slot, or a wrong password: no). */
    public boolean unlock(String username, char[] password) {
        Optional<KeySlotEntity> slot = slots.findById(slotName(username));
        if (slot.isEmpty()) {
            return false;
        }
        try {
            SecretKey derived = derive(password, HexFormat.of().parseHex(slot.get().salt()), slot.get().iterations());
            byte[] raw = DataKey.open(derived, Base64.getDecoder().decode(slot.get().wrappedKey()),
                    slotContext(slotName(username)));
            key = new DataKey(new SecretKeySpec(raw, "AES"));
            Arrays.fill(raw, (byte) 0);
            return true;
        } catch (AEADBadTagException wrongPassword) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK's AES-GCM or PBKDF2 failed", e);
        }
    }

    /** The key out of memory: the laptop left alone. */
    public void lock() {
        key = null;
    }

    /** The visit went back: its data is gone, so are its key and slots. */
    public void forget() {
        slots.deleteAllInBatch();
        key = null;
    }

    /** A slot's name as the staff sign-in reads a name: trimmed, lower case. */
    private static String slotName(String username) {
        return username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private KeySlotEntity slot(String username, char[] password, DataKey data) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        try {
            byte[] wrapped = DataKey.seal(derive(password, salt, ITERATIONS), data.secretKey().getEncoded(),
                    slotContext(username));
            return new KeySlotEntity(username, HexFormat.of().formatHex(salt), ITERATIONS,
                    Base64.getEncoder().encodeToString(wrapped), clock.instant());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK's AES-GCM or PBKDF2 failed", e);
        }
    }

    /** What a slot's sealed key is bound to: its name (a slot copied under another name opens nothing). */
    private static byte[] slotContext(String username) {
        return ("outpost_key_slot:" + username).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static SecretKey derive(char[] password, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            byte[] raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            SecretKey derived = new SecretKeySpec(raw, "AES");
            Arrays.fill(raw, (byte) 0);
            return derived;
        } finally {
            spec.clearPassword();
        }
    }
}
