package io.csms.ocpp.v16;

import io.csms.authorization.IdTags;
import java.time.ZoneOffset;

/** Turns a verdict on an id tag into OCPP 1.6 IdTagInfo. */
final class IdTagInfos {

    private IdTagInfos() {}

    static IdTagInfo of(IdTags.Verdict verdict) {
        return new IdTagInfo(
                verdict.status(),
                verdict.expiryDate() == null ? null : verdict.expiryDate().atOffset(ZoneOffset.UTC),
                verdict.parentIdTag());
    }
}
