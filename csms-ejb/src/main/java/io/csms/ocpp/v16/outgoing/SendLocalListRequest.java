package io.csms.ocpp.v16.outgoing;

import io.csms.ocpp.v16.MaxLength;
import io.csms.ocpp.v16.OneOf;
import io.csms.ocpp.v16.Required;
import java.time.OffsetDateTime;
import java.util.List;

/** OCPP 1.6 SendLocalList.req, sent by the CSMS to a charger. */
public record SendLocalListRequest(
        @Required Integer listVersion,
        List<LocalAuthorizationList> localAuthorizationList,
        @Required @OneOf({"Differential", "Full"}) String updateType) {

    /** OCPP 1.6 LocalAuthorizationList. */
    public record LocalAuthorizationList(
            @Required @MaxLength(20) String idTag, IdTagInfo idTagInfo) {}

    /** OCPP 1.6 IdTagInfo. */
    public record IdTagInfo(
            OffsetDateTime expiryDate,
            @MaxLength(20) String parentIdTag,

            @Required @OneOf({"Accepted", "Blocked", "Expired", "Invalid", "ConcurrentTx"})
            String status) {}
}
