package id.dukcapil.portal.signing.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * A certificate's subject or issuer as a reader says it: "Demo CA Disdukcapil · Pemerintah Kabupaten Bandung", not
 * "CN=Demo CA Disdukcapil,O=Pemerintah Kabupaten Bandung,C=ID". The full X.500 name stays in the cell's tooltip.
 */
final class DistinguishedNames {

    private DistinguishedNames() {
    }

    /** The common name, then the organisation and its unit; the name as it is when it is no X.500 name. */
    static String readable(String distinguishedName) {
        Map<String, String> parts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try {
            for (Rdn rdn : new LdapName(distinguishedName).getRdns()) {
                parts.putIfAbsent(rdn.getType(), String.valueOf(rdn.getValue()));
            }
        } catch (InvalidNameException notX500) {
            return distinguishedName;
        }
        List<String> words = new ArrayList<>();
        for (String type : List.of("CN", "OU", "O")) {
            String value = parts.get(type);
            if (value != null && !value.isBlank() && !words.contains(value)) {
                words.add(value);
            }
        }
        return words.isEmpty() ? distinguishedName : String.join(" · ", words);
    }
}
