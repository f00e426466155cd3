package io.csms.authorization;

import io.csms.charging.TrackedCommands;
import io.csms.roaming.tokens.RealTimeAuthorization;
import io.csms.roaming.tokens.RoamingTokens;
import io.csms.roaming.tokens.TokenData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * "May this id tag charge at this charger?" for Authorize and StartTransaction, whoever issued the
 * tag. The rule, in order: a tag registered here (an operator's tag, a driver's card or app tag)
 * decides alone ({@link IdTags}); else a tag that follows a partner's START_SESSION at this charger is
 * Accepted on the command's word (auth method COMMAND, not asked again: {@link
 * TrackedCommands#partnerStart}); else a partner's token with that id tag ({@link RoamingTokens#forIdTag})
 * decides by its whitelist; else the tag is unknown (Invalid), and a driver's pending claim of that card
 * may take it now. A partner's token:
 *
 * <ul>
 *   <li>not valid: Blocked, without asking;
 *   <li>{@code ALWAYS}: Accepted from the stored token, without asking;
 *   <li>{@code ALLOWED}, {@code ALLOWED_OFFLINE}: the eMSP is asked ({@link RealTimeAuthorization});
 *       without an answer in time, Accepted from the stored token;
 *   <li>{@code NEVER}: the eMSP is asked; without an answer, Invalid.
 * </ul>
 *
 * The eMSP's answer becomes OCPP's: ALLOWED Accepted, BLOCKED and NO_CREDIT Blocked, EXPIRED Expired,
 * NOT_ALLOWED and an unknown token Invalid. A verdict on a token the eMSP must be asked about expires
 * (IdTagInfo {@code expiryDate}) when its answer is no longer kept, so chargers ask again instead of
 * trusting their cache; the token's group is the parentIdTag.
 */
@ApplicationScoped
public class Authorizations {

    /** How a partner's token was authorized (OCPI AuthMethod) and the eMSP's reference, for the session. */
    public record Roaming(long tokenId, String authMethod, String authorizationReference) {}

    /** The verdict, and for a partner's token what the transaction keeps of it (else null). */
    public record Decision(IdTags.Verdict verdict, Roaming roaming) {}

    @Inject
    IdTags idTags;

    @Inject
    RoamingTokens tokens;

    @Inject
    RealTimeAuthorization realTime;

    @Inject
    TrackedCommands commands;

    @jakarta.annotation.Resource
    jakarta.enterprise.concurrent.ManagedExecutorService executor;

    /**
     * The decision on {@code idTag} presented at {@code chargerId}: complete at once unless an eMSP
     * must be asked, then once it answered or its time is up. Stored data is read on the caller's
     * thread, the eMSP is waited for on none.
     */
    public CompletionStage<Decision> at(String idTag, String chargerId) {
        Optional<IdTags.Verdict> ours = idTags.registered(idTag);
        if (ours.isPresent()) {
            return done(new Decision(ours.get(), null));
        }
        Optional<TrackedCommands.PartnerStart> commanded = commands.partnerStart(idTag, chargerId);
        if (commanded.isPresent()) {
            Optional<RoamingTokens.Stored> token = tokens.byId(commanded.get().tokenId());
            if (token.isPresent()) {
                return done(decision(
                        token.get(),
                        "Accepted",
                        null,
                        "COMMAND",
                        commanded.get().authorizationReference()));
            }
        }
        Optional<RoamingTokens.Stored> theirs = tokens.forIdTag(idTag);
        if (theirs.isEmpty()) {
            return done(new Decision(idTags.verdictAt(idTag, chargerId), null));
        }
        RoamingTokens.Stored token = theirs.get();
        TokenData data = token.token();
        if (!data.valid()) {
            return done(decision(token, "Blocked", null, "WHITELIST", null));
        }
        if (data.whitelist() == TokenData.Whitelist.ALWAYS) {
            return done(decision(token, "Accepted", null, "WHITELIST", null));
        }
        Instant until = Instant.now().plus(realTime.cacheFor()).truncatedTo(ChronoUnit.SECONDS);
        // the eMSP's answer comes on an HTTP client thread: the rest (the charger's answer) goes on ours
        return realTime.ask(token, chargerId)
                .thenApplyAsync(
                        answer -> answer.map(a -> decision(
                                        token, status(a.allowed()), until, "AUTH_REQUEST", a.authorizationReference()))
                                .orElseGet(() -> data.whitelist() == TokenData.Whitelist.NEVER
                                        ? decision(token, "Invalid", null, "AUTH_REQUEST", null)
                                        : decision(token, "Accepted", until, "WHITELIST", null)),
                        executor);
    }

    private static Decision decision(
            RoamingTokens.Stored token, String status, Instant expiry, String method, String reference) {
        return new Decision(
                new IdTags.Verdict(status, expiry, token.token().parentIdTag(), null),
                new Roaming(token.id(), method, reference));
    }

    /** OCPI AllowedType as OCPP 1.6 AuthorizationStatus (1.6 has no "no credit"). */
    private static String status(RealTimeAuthorization.Allowed allowed) {
        return switch (allowed) {
            case ALLOWED -> "Accepted";
            case BLOCKED, NO_CREDIT -> "Blocked";
            case EXPIRED -> "Expired";
            case NOT_ALLOWED, UNKNOWN -> "Invalid";
        };
    }

    private static CompletionStage<Decision> done(Decision decision) {
        return CompletableFuture.completedFuture(decision);
    }
}
