package id.dukcapil.portal.kkprint.internal;

import id.dukcapil.portal.signing.SignatureBlock;
import org.springframework.beans.factory.annotation.Value;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicInteger;

import id.dukcapil.portal.population.Address;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.shared.pdf.PdfRenderer;
import id.dukcapil.portal.shared.pdf.VectorQrCode;
import id.dukcapil.portal.shared.region.Region;
import id.dukcapil.portal.shared.region.Regions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The family card as a PDF, from the registry's family: the template {@code reports/kkprint/kartu-keluarga.jrxml}
 * filled in Bahasa Indonesia (the card's legal language, whatever the user's screen language).
 */
@Component
public class KkDocument {

    public static final String TEMPLATE = "kkprint/kartu-keluarga";
    private static final Logger log = LoggerFactory.getLogger(KkDocument.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final Locale CARD_LANGUAGE = PortalMessages.INDONESIAN;
    /** The registry holds citizens only; foreigners' cards are not issued here. */
    private static final String CITIZENSHIP = "WNI";

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
    private final Map<String, String> regionNames = new ConcurrentHashMap<>();

    KkDocument(PdfRenderer renderer, Regions regions, MessageSource messages,
               @Value("${portal.signing.issue-place:Soreang}") String issuePlace) {
        this.renderer = renderer;
        this.regions = regions;
        this.messages = messages;
        this.issuePlace = issuePlace;
    }

    public byte[] render(Family family, SignatureBlock block) {
        Address address = family.address();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("KK_NUMBER", family.kkNumber().value());
        parameters.put("HEAD_NAME", family.head().map(Resident::fullName).orElse("-").toUpperCase(CARD_LANGUAGE));
        parameters.put("STREET", address.street().toUpperCase(CARD_LANGUAGE));
        parameters.put("RT_RW", address.rt() + "/" + address.rw());
        String village = address.villageCode();
        parameters.put("VILLAGE", regionName(village, () -> regions.village(village)));
        parameters.put("DISTRICT", regionName(address.districtCode(), () -> regions.district(address.districtCode())));
        parameters.put("REGENCY", regionName(village.substring(0, 5), () -> regions.regency(village.substring(0, 5))));
        parameters.put("PROVINCE", regionName(village.substring(0, 2), () -> regions.province(village.substring(0, 2))));
        parameters.put("ISSUE_DATE", DATE.format(block.issuedOn()));
        parameters.put("ISSUE_PLACE", issuePlace);
        parameters.put("SIGNER_NAME", block.signerName());
        parameters.put("SIGNER_POSITION", block.signerPosition());
        parameters.put("SIGNER_NIP", block.signerNip());
        parameters.put("DOCUMENT_NUMBER", block.documentNumber());
        parameters.put("VERIFY_URL", block.verificationUrl());
        parameters.put("QR", VectorQrCode.of(block.verificationUrl()));
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

    /** Compiles the template in the background at start-up, so the first batch does not wait for it. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread.ofVirtual().name("kk-template-warm-up").start(() -> {
            long started = System.nanoTime();
            try {
                renderer.warmUp(TEMPLATE);
                log.info("Template {} compiled in {} ms", TEMPLATE, (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                log.error("Template {} does not compile: no family card can be rendered", TEMPLATE, e);
            }
        });
    }

    private String label(String key) {
        return messages.getMessage(key, null, key, CARD_LANGUAGE);
    }

    /** Region names change only with a new reference-data change set: kept in memory once looked up. */
    private String regionName(String code, Supplier<Optional<Region>> lookup) {
        return regionNames.computeIfAbsent(code, any -> lookup.get().map(region -> region.name().toUpperCase(CARD_LANGUAGE))
                .orElse("-"));
    }

    private static @Nullable String upper(@Nullable String name) {
        return name == null ? null : name.toUpperCase(CARD_LANGUAGE);
    }
}
