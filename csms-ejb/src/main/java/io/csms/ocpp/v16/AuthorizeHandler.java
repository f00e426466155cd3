package io.csms.ocpp.v16;

import io.csms.authorization.Authorizations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/** OCPP 1.6 §4.1 Authorize: may this id tag charge? Answered once decided (an eMSP may be asked). */
@ApplicationScoped
public class AuthorizeHandler implements ActionHandler<AuthorizeRequest, AuthorizeResponse> {

    @Inject
    Authorizations authorizations;

    @Override
    public String action() {
        return "Authorize";
    }

    @Override
    public Class<AuthorizeRequest> requestType() {
        return AuthorizeRequest.class;
    }

    @Override
    public AuthorizeResponse handle(String chargerId, AuthorizeRequest request) {
        return handleAsync(chargerId, request).toCompletableFuture().join();
    }

    @Override
    public CompletionStage<AuthorizeResponse> handleAsync(String chargerId, AuthorizeRequest request) {
        return authorizations
                .at(request.idTag(), chargerId)
                .thenApply(decision -> new AuthorizeResponse(IdTagInfos.of(decision.verdict())));
    }
}
