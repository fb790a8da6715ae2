using Portal.Web.Components.Pages.Account;

namespace Portal.Web.Tests;

public sealed class LoginReturnUrlTests
{
    [Theory]
    [InlineData(null, "/staff")]
    [InlineData("", "/staff")]
    [InlineData("/staff/queue", "/staff/queue")]
    [InlineData("staff/cases/12", "/staff/cases/12")]
    [InlineData("/staff?x=1", "/staff?x=1")]
    [InlineData("//evil.example/staff", "/staff")]
    [InlineData("/\\evil.example", "/staff")]
    [InlineData("https://evil.example/staff", "/staff")]
    [InlineData("/staff/../../evil", "/staff/../../evil")]
    [InlineData("/published", "/staff")]
    [InlineData("/staffing", "/staff")]
    [InlineData("/staff/\r\nSet-Cookie: x", "/staff")]
    public void SafeReturnUrl_OnlyLeadsBackIntoTheStaffWorkspace(string? returnUrl, string expected) =>
        Assert.Equal(expected, Login.SafeReturnUrl(returnUrl));
}
