package id.dukcapil.portal.recording;

import id.dukcapil.portal.population.CardPrint;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the registration operator tells a resident who is already recorded, from the state of their KTP-el record
 * (and their last printed card): the register keeps it in the office's language.
 */
@Component
class Explanations {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.of("id"));

    private final PopulationRegistry registry;
    private final MessageSource messages;

    Explanations(PopulationRegistry registry, MessageSource messages) {
        this.registry = registry;
        this.messages = messages;
    }

    String of(Resident resident) {
        List<CardPrint> prints = registry.cardHistory(resident.nik());
        String lastPrint = prints.isEmpty() ? "-" : DAY.format(prints.getLast().printedAt().atZone(java.time.ZoneId.of("Asia/Jakarta")));
        return messages.getMessage("recording.explanation." + resident.enrolmentStatus().name(),
                new Object[] {lastPrint}, PortalMessages.INDONESIAN);
    }
}
