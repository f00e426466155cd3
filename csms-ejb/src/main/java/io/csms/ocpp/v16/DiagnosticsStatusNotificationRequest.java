package io.csms.ocpp.v16;

/** OCPP 1.6 DiagnosticsStatusNotification.req. */
public record DiagnosticsStatusNotificationRequest(
        @Required @OneOf({"Idle", "Uploaded", "UploadFailed", "Uploading"})
        String status) {}
