package id.dukcapil.portal.notification.whatsapp;

import id.dukcapil.portal.notification.internal.PhoneChannel;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * {@code portal.notification.whatsapp.*}: this office's WhatsApp Business account. Without a phone-number id and
 * an access token the channel is off and passed over (the demo runs without it).
 *
 * @param baseUrl       the Graph API's address
 * @param apiVersion    the Graph API version in the path, e.g. {@code v23.0}
 * @param phoneNumberId the business phone number's id, the path's {@code {phone-number-id}}
 * @param accessToken   a system user's token with {@code whatsapp_business_messaging}
 * @param appSecret     the Meta app's secret: the webhook's {@code X-Hub-Signature-256} is its HMAC-SHA256
 * @param verifyToken   what Meta sends as {@code hub.verify_token} when the webhook is set up
 * @param sslBundle     a Spring SSL bundle to trust instead of the JDK's CAs (tests); empty for the JDK's
 * @param timeout       for connecting and for each answer
 * @param pace          the least time between two messages to one phone (the Cloud API's pair rate limit)
 * @param window        how many messages may await the Cloud API's answer at once, 4 by default: each is one of the
 *                      sender's lanes (decision 152)
 * @param handOverGroup how many messages a lane hands over in one commit, 10 by default (decision 156): a killed
 *                      sender may leave window × this many uncertain. Groups are cut from the sender's batch, so
 *                      above its size (10) a group is the batch
 */
@ConfigurationProperties("portal.notification.whatsapp")
public record WhatsAppProperties(@DefaultValue("https://graph.facebook.com") String baseUrl,
                                 @DefaultValue("v23.0") String apiVersion, @DefaultValue("") String phoneNumberId,
                                 @DefaultValue("") String accessToken, @DefaultValue("") String appSecret,
                                 @DefaultValue("") String verifyToken, @DefaultValue("") String sslBundle,
                                 @DefaultValue("10s") Duration timeout, @DefaultValue("6s") Duration pace,
                                 @DefaultValue("4") int window, @DefaultValue("10") int handOverGroup)
        implements PhoneChannel.Settings {

    public WhatsAppProperties {
        if (window < 1 || window > 32) {
            throw new IllegalArgumentException("portal.notification.whatsapp.window is between 1 and 32, not " + window);
        }
        if (handOverGroup < 1 || handOverGroup > 100) {
            throw new IllegalArgumentException("portal.notification.whatsapp.hand-over-group is between 1 and 100, not "
                    + handOverGroup);
        }
    }

    @Override
    public boolean configured() {
        return StringUtils.hasText(phoneNumberId) && StringUtils.hasText(accessToken);
    }

    @Override
    public String toString() {
        // Never the token or the secrets, wherever the properties are logged.
        return "WhatsAppProperties[" + baseUrl + "/" + apiVersion + "/" + phoneNumberId + "]";
    }
}
