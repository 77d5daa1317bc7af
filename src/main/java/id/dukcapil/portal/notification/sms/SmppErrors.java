package id.dukcapil.portal.notification.sms;

import id.dukcapil.portal.notification.internal.DeliveryFailure.Verdict;
import java.util.Set;

/**
 * What a gateway's refusal (a submit_sm_resp with an error command_status) means: a refusal is an answer, so the
 * message was not taken. Throttled, queue full and the gateway's own failures are tried again; anything about the
 * number or the message passes it to the next channel.
 */
final class SmppErrors {

    /** ESME_RSYSERR, ESME_RMSGQFUL, ESME_RSUBMITFAIL, ESME_RTHROTTLED, ESME_RX_T_APPN (SMPP 3.4, section 5.1.3). */
    private static final Set<Integer> NOT_NOW = Set.of(0x08, 0x14, 0x45, 0x58, 0x64);

    private SmppErrors() {
    }

    static Verdict classify(int commandStatus) {
        return NOT_NOW.contains(commandStatus) ? Verdict.RETRY : Verdict.FAILED;
    }
}
