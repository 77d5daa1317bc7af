package id.dukcapil.portal.booking.api;

import id.dukcapil.portal.booking.CitizenChannels;
import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.shared.api.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The citizen's channel for the portal's messages, in the BDS app's profile (decision 140). */
@RestController
@RequestMapping(value = BdsApiController.BASE + "/profile/channel", produces = "application/json")
@Tag(name = "BDS")
class BdsChannelController {

    private final CitizenChannels channels;

    BdsChannelController(CitizenChannels channels) {
        this.channels = channels;
    }

    /** @param phoneProved whether WHATSAPP and SMS may be chosen: the account's phone was proved by its code */
    record ChannelAnswer(String channel, List<String> fallbacks, List<String> choices, boolean phoneProved) {

        static ChannelAnswer of(Channel channel, boolean phoneProved) {
            return new ChannelAnswer(channel.name(), channel.withFallbacks().stream().skip(1).map(Channel::name).toList(),
                    Arrays.stream(Channel.values()).map(Channel::name).toList(), phoneProved);
        }
    }

    /** The longest channel name (WHATSAPP), with room to spare: anything longer is no channel. */
    static final int CHANNEL_MAX_LENGTH = 16;

    record ChannelBody(@NotNull @Size(max = CHANNEL_MAX_LENGTH) String channel) {
    }

    @GetMapping
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The channel the portal's messages take (EMAIL, WHATSAPP or SMS), and its fallbacks")
    ChannelAnswer chosen(@AuthenticationPrincipal CitizenSession citizen) {
        return ChannelAnswer.of(channels.chosen(citizen), channels.phoneProved(citizen));
    }

    @PutMapping(consumes = "application/json")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Choose the channel: WHATSAPP and SMS go to the account's proved phone; EMAIL opts out of both",
            description = "A message that carries a secret (a code, a PIN) goes by e-mail whatever the choice. "
                    + "WHATSAPP and SMS need the account's phone proved first (PUT /profile/phone, then POST "
                    + "/profile/phone/proof with the code from the SMS). "
                    + "Refusals: 400 INVALID_REQUEST when channel is missing; 422 with errors[0].field = channel "
                    + "when it is too long or not one of the choices; 409 PHONE_NOT_PROVED for WHATSAPP or SMS while "
                    + "the phone is not proved (the channel stays as it was).")
    ChannelAnswer choose(@AuthenticationPrincipal CitizenSession citizen, @Valid @RequestBody ChannelBody body) {
        Channel channel = Arrays.stream(Channel.values()).filter(c -> c.name().equals(body.channel())).findFirst()
                .orElseThrow(() -> new InvalidField(HttpStatus.UNPROCESSABLE_CONTENT, "channel",
                        "booking.channel.unknown"));
        channels.choose(citizen, channel);
        return ChannelAnswer.of(channel, channels.phoneProved(citizen));
    }
}
