using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Staff;

namespace Portal.IntegrationTests.Security;

[CollectionDefinition(Name)]
public sealed class SecurePortalCollection : ICollectionFixture<SecurePortalAppFactory>
{
    public const string Name = "secure-portal";
}

/// <summary>Fresh accounts for security tests, so that locking or enrolling one never disturbs another test.</summary>
public static class StaffAccounts
{
    public const string Password = "river walk at dawn 2026";

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static async Task<string> CreateAsync(PortalAppFactory app, string role, string prefix)
    {
        var userName = UniqueName(prefix);
        var errors = await app.WithAsync<StaffAdminService, IReadOnlyList<string>>(s => s.CreateAsync(new NewStaffInput
        {
            UserName = userName,
            DisplayName = "测试账号",
            Password = Password,
            Role = role,
        }));
        Assert.Empty(errors);
        return userName;
    }

    /// <summary>Where a redirect leads, as path and query (relative or absolute Location alike); null if none.</summary>
    public static string? Target(this HttpResponseMessage response) => response.Headers.Location switch
    {
        null => null,
        { IsAbsoluteUri: true } uri => uri.PathAndQuery,
        var uri => uri.OriginalString,
    };

    /// <summary>The path of <see cref="Target"/>, without the query.</summary>
    public static string? TargetPath(this HttpResponseMessage response) => response.Target()?.Split('?')[0];

    public static HttpClient NewClient(this PortalAppFactory app) => app.CreateClient(new() { AllowAutoRedirect = false });
}
