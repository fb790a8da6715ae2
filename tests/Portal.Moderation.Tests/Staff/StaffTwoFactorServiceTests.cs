using Portal.Moderation.Staff;

namespace Portal.Moderation.Tests.Staff;

public sealed class StaffTwoFactorServiceTests
{
    [Fact]
    public void FormatKey_GroupsTheKeyInFours_InLowerCase() =>
        Assert.Equal("jbsw y3dp ehpk 3pxp jbsw", StaffTwoFactorService.FormatKey("JBSWY3DPEHPK3PXPJBSW"));

    [Fact]
    public void AuthenticatorUri_FollowsTheKeyUriFormat_WithTheIssuerEscaped() =>
        Assert.Equal(
            "otpauth://totp/%E6%B8%85%E6%B2%B3%20%E5%B9%B3%E5%8F%B0:zhou.min?secret=JBSWY3DP&issuer=%E6%B8%85%E6%B2%B3%20%E5%B9%B3%E5%8F%B0&digits=6",
            StaffTwoFactorService.AuthenticatorUri("清河 平台", "zhou.min", "JBSWY3DP"));

    [Theory]
    [InlineData("123 456", "123456")]
    [InlineData("123-456", "123456")]
    [InlineData(" 12345\t6 ", "123456")]
    [InlineData(null, "")]
    public void NormalizeCode_KeepsWhatPeopleMeant(string? typed, string expected) =>
        Assert.Equal(expected, StaffTwoFactorService.NormalizeCode(typed));
}
