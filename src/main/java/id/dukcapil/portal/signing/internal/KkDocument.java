package id.dukcapil.portal.signing.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import id.dukcapil.portal.population.Address;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.barcode.Codes;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.shared.pdf.PdfRenderer;
import id.dukcapil.portal.shared.region.Region;
import id.dukcapil.portal.shared.region.Regions;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The family card as a PDF, from the registry's family: the template {@code reports/signing/kartu-keluarga.jrxml}
 * filled in Bahasa Indonesia (the card's legal language, whatever the user's screen language).
 */
@Component
public class KkDocument {

    public static final String TEMPLATE = "signing/kartu-keluarga";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final Locale CARD_LANGUAGE = PortalMessages.INDONESIAN;
    /** The registry holds citizens only; foreigners' cards are not issued here. */
    private static final String CITIZENSHIP = "WNI";

    /** The signer as the card prints them. */
    public record Signer(String name, String position, String nip) {
    }

    /** One row of the members' table, as printed. */
    public record Member(Integer no, String name, String nik, String sex, String birthPlace, String birthDate,
                         String religion, String education, String occupation, String maritalStatus,
                         String relationship, String citizenship, @Nullable String fatherName,
                         @Nullable String motherName) {
    }

    private final PdfRenderer renderer;
    private final Regions regions;
    private final MessageSource messages;
    private final String issuePlace;

    KkDocument(PdfRenderer renderer, Regions regions, MessageSource messages, SigningProperties properties) {
        this.renderer = renderer;
        this.regions = regions;
        this.messages = messages;
        this.issuePlace = properties.issuePlace();
    }

    public byte[] render(Family family, String documentNumber, String verificationUrl, LocalDate issuedOn,
                         Signer signer) {
        Address address = family.address();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("KK_NUMBER", family.kkNumber().value());
        parameters.put("HEAD_NAME", family.head().map(Resident::fullName).orElse("-").toUpperCase(CARD_LANGUAGE));
        parameters.put("STREET", address.street().toUpperCase(CARD_LANGUAGE));
        parameters.put("RT_RW", address.rt() + "/" + address.rw());
        parameters.put("VILLAGE", regionName(regions.village(address.villageCode()).orElse(null)));
        parameters.put("DISTRICT", regionName(regions.district(address.districtCode()).orElse(null)));
        parameters.put("REGENCY", regionName(regions.regency(address.villageCode().substring(0, 5)).orElse(null)));
        parameters.put("PROVINCE", regionName(regions.province(address.villageCode().substring(0, 2)).orElse(null)));
        parameters.put("ISSUE_DATE", DATE.format(issuedOn));
        parameters.put("ISSUE_PLACE", issuePlace);
        parameters.put("SIGNER_NAME", signer.name());
        parameters.put("SIGNER_POSITION", signer.position());
        parameters.put("SIGNER_NIP", signer.nip());
        parameters.put("DOCUMENT_NUMBER", documentNumber);
        parameters.put("VERIFY_URL", verificationUrl);
        parameters.put("QR", Codes.qr(verificationUrl));
        AtomicInteger no = new AtomicInteger();
        List<Member> members = family.members().stream().map(resident -> new Member(no.incrementAndGet(),
                resident.fullName().toUpperCase(CARD_LANGUAGE), resident.nik().value(),
                label("sex." + resident.sex().name()), resident.birthPlace().toUpperCase(CARD_LANGUAGE),
                DATE.format(resident.birthDate()), label(resident.religion().labelKey()),
                label(resident.education().labelKey()), resident.occupation(),
                label(resident.maritalStatus().labelKey()), label(resident.relationship().labelKey()), CITIZENSHIP,
                upper(resident.fatherName()), upper(resident.motherName()))).toList();
        return renderer.render(TEMPLATE, parameters, members);
    }

    /** Compiles the template at start-up rather than in the first batch. */
    public void warmUp() {
        renderer.warmUp(TEMPLATE);
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, CARD_LANGUAGE);
    }

    private static String regionName(@Nullable Region region) {
        return region == null ? "-" : region.name().toUpperCase(CARD_LANGUAGE);
    }

    private static @Nullable String upper(@Nullable String name) {
        return name == null ? null : name.toUpperCase(CARD_LANGUAGE);
    }
}
