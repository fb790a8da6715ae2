using QRCoder;

namespace Portal.Web.Security;

/// <summary>The authenticator URI as a QR code: a PNG data URI for an img element (rendered on the server, no script).</summary>
public static class AuthenticatorQrCode
{
    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule: 5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
