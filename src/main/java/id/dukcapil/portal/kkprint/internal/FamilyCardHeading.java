package id.dukcapil.portal.kkprint.internal;

import id.dukcapil.portal.signing.Masked;
import id.dukcapil.portal.signing.QueuedDocument;
import id.dukcapil.portal.signing.SignableDocuments.Heading;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** A family card as the signing queue names it: the card, its head of family, its KK number masked. */
public final class FamilyCardHeading {

    private FamilyCardHeading() {
    }

    public static Heading of(QueuedDocument card, MessageSource messages, Locale locale) {
        return new Heading(messages.getMessage("signing.verify.kind.KARTU_KELUARGA", null, locale), card.holderName(),
                messages.getMessage("kkprint.signing.about", new Object[] {Masked.identity(card.subject())}, locale));
    }
}
