package io.csms.ocpi.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The enrolment's QR code is a PNG that an authenticator app reads back as the otpauth URI. */
class QrCodesTest {

    @Test
    void the_png_reads_back_as_the_uri() throws Exception {
        String uri = "otpauth://totp/CSMS:ops%40example.org?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
                + "&issuer=CSMS&algorithm=SHA1&digits=6&period=30";
        String data = QrCodes.dataUri(uri, 240);
        assertTrue(data.startsWith("data:image/png;base64,"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(data.substring("data:image/png;base64,".length()))));
        assertEquals(240, image.getWidth());
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertEquals(uri, new QRCodeReader().decode(bitmap).getText());
    }
}
