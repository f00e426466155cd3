package io.csms.ocpp.v16;

import io.csms.authorization.IdTags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** OCPP 1.6 §4.1 Authorize: may this id tag charge? */
@ApplicationScoped
public class AuthorizeHandler implements ActionHandler<AuthorizeRequest, AuthorizeResponse> {

    @Inject
    IdTags idTags;

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
        return new AuthorizeResponse(IdTagInfos.of(idTags.verdictAt(request.idTag(), chargerId)));
    }
}
