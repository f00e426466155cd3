package io.csms.ocpp.v16;

/** OCPP 1.6 LogStatusNotification.req. */
public record LogStatusNotificationRequest(
        @Required
        @OneOf({
            "BadMessage",
            "Idle",
            "NotSupportedOperation",
            "PermissionDenied",
            "Uploaded",
            "UploadFailure",
            "Uploading"
        })
        String status,

        Integer requestId) {}
