using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Security;

/// <summary>
/// One client per role, signed in once through the real login form and shared by every cell of the matrix
/// (redirects are not followed, cookies are kept), and the demo ids, loaded once per portal.
/// </summary>
public static class RoleClients
{
    private static readonly ConditionalWeakTable<PortalAppFactory, ConcurrentDictionary<Role, Lazy<Task<HttpClient>>>> Clients = [];
    private static readonly ConditionalWeakTable<PortalAppFactory, Lazy<Task<DemoIds>>> Ids = [];

    public static string? UserName(Role role) => role switch
    {
        Role.Anonymous => null,
        Role.HandlerA => "handler-transport",
        Role.HandlerB => "handler-health",
        Role.Moderator => "moderator",
        Role.Leader => "leader",
        Role.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static Task<HttpClient> ClientAsync(this PortalAppFactory app, Role role) =>
        Clients.GetOrCreateValue(app).GetOrAdd(role, r => new Lazy<Task<HttpClient>>(() => UserName(r) is { } user
            ? app.SignedInClientAsync(user)
            : Task.FromResult(app.CreateClient(new() { AllowAutoRedirect = false })))).Value;

    public static Task<DemoIds> DemoIdsAsync(this PortalAppFactory app) =>
        Ids.GetValue(app, a => new Lazy<Task<DemoIds>>(() => DemoIds.LoadAsync(a))).Value;
}
