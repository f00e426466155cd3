package io.csms.ocpp.v16;

/** OCPP 1.6 SignedFirmwareStatusNotification.req. */
public record SignedFirmwareStatusNotificationRequest(
        @Required
        @OneOf({
            "Downloaded",
            "DownloadFailed",
            "Downloading",
            "DownloadScheduled",
            "DownloadPaused",
            "Idle",
            "InstallationFailed",
            "Installing",
            "Installed",
            "InstallRebooting",
            "InstallScheduled",
            "InstallVerificationFailed",
            "InvalidSignature",
            "SignatureVerified"
        })
        String status,

        Integer requestId) {}
