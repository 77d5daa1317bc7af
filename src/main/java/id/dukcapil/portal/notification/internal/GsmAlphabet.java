package id.dukcapil.portal.notification.internal;

/**
 * The GSM 03.38 default alphabet's basic set, the SMS alphabet of 160 characters a part. A text in it goes as data
 * coding 0, one octet a character; any other character (an en dash, a curly quote) makes the whole text UCS-2, 70
 * characters a part. US-ASCII is not this set: it has [ ] { } ~ and lacks é, ñ, £, so it decided the coding wrongly.
 */
public final class GsmAlphabet {

    /** The basic set by code (0x00 to 0x7F); 0x1B is the escape to the extension table, never a character here. */
    public static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\uFFFFÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private GsmAlphabet() {
    }

    public static boolean canEncode(String text) {
        return text.chars().allMatch(c -> c != '\uFFFF' && BASIC.indexOf(c) >= 0);
    }

    /** The text's codes, one octet a character (unpacked, as SMPP carries data coding 0). */
    public static byte[] encode(String text) {
        if (!canEncode(text)) {
            throw new IllegalArgumentException("Not in the GSM 03.38 basic set");
        }
        byte[] codes = new byte[text.length()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) BASIC.indexOf(text.charAt(i));
        }
        return codes;
    }
}
