package id.dukcapil.portal.notification.sms;

import id.dukcapil.portal.notification.internal.PhoneChannel;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * {@code portal.notification.sms.*}: this office's account at its operator's SMPP gateway. Without a host the
 * channel is off and passed over (the demo runs without it).
 *
 * @param host          the gateway (SMSC)
 * @param port          its SMPP port, 2775 by convention
 * @param systemId      the account the operator gave (bind's system_id)
 * @param password      its password
 * @param systemType    what the operator asks for as system_type; often empty
 * @param sender        the sender id citizens see: an alphanumeric name the operator registered (e.g. DUKCAPIL)
 * @param timeout       for binding and for each submit's answer
 * @param enquireLink   how often an idle session is checked, so a dead one is noticed and bound again
 * @param pace          the least time between two messages to one phone
 * @param window        how many submits may wait for their answer at once (the operator's window, 4 by default;
 *                      each is one of the sender's lanes)
 * @param handOverGroup how many SMS a lane hands over in one commit, 10 by default (decision 156): a killed sender
 *                      may leave window × this many uncertain. Groups are cut from the sender's batch, so above its
 *                      size (10) a group is the batch
 */
@ConfigurationProperties("portal.notification.sms")
public record SmsProperties(@DefaultValue("") String host, @DefaultValue("2775") int port,
                            @DefaultValue("") String systemId, @DefaultValue("") String password,
                            @DefaultValue("") String systemType, @DefaultValue("DUKCAPIL") String sender,
                            @DefaultValue("10s") Duration timeout, @DefaultValue("30s") Duration enquireLink,
                            @DefaultValue("6s") Duration pace, @DefaultValue("4") int window,
                            @DefaultValue("10") int handOverGroup) implements PhoneChannel.Settings {

    public SmsProperties {
        if (window < 1 || window > 32) {
            throw new IllegalArgumentException("portal.notification.sms.window is between 1 and 32, not " + window);
        }
        if (handOverGroup < 1 || handOverGroup > 100) {
            throw new IllegalArgumentException("portal.notification.sms.hand-over-group is between 1 and 100, not "
                    + handOverGroup);
        }
    }

    @Override
    public boolean configured() {
        return StringUtils.hasText(host);
    }

    @Override
    public String toString() {
        return "SmsProperties[smpp://" + systemId + "@" + host + ":" + port + "]"; // never the password
    }
}
