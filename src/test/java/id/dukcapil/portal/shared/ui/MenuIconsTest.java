package id.dukcapil.portal.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Menu;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every menu entry has an icon the browser can draw (issue 54, "Desks: low"): a name outside Vaadin's icon set draws
 * nothing, and the field screen's "vaadin:school" drew nothing.
 */
class MenuIconsTest {

    @Test
    void every_menu_entry_names_one_of_vaadins_icons() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Menu.class));
        Set<String> known = Arrays.stream(VaadinIcon.values())
                .map(icon -> "vaadin:" + icon.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.toSet());
        List<String> views = scanner.findCandidateComponents("id.dukcapil.portal").stream()
                .map(BeanDefinition::getBeanClassName).toList();
        assertThat(views).hasSizeGreaterThan(20);
        for (String view : views) {
            Menu menu = Class.forName(view).getAnnotation(Menu.class);
            assertThat(menu.icon()).as(view).isIn(known);
        }
    }
}
