using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data.Staff;
using Portal.Moderation.Staff;

namespace Portal.Web.Security;

/// <summary>
/// Re-checks a live circuit's user every <see cref="StaffSecurityOptions.SessionValidationInterval"/>: a disabled
/// account, or one whose role changed (security stamp), loses its interactive session without waiting for the
/// cookie to expire. A temporary lockout after failed sign-ins does not end the owner's live session (otherwise
/// anyone could sign a staff member out by mistyping their password five times).
/// </summary>
internal sealed class RevalidatingStaffAuthenticationStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, IOptions<IdentityOptions> options,
    IOptions<StaffSecurityOptions> security, TimeProvider clock)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private readonly ILogger _audit = loggerFactory.CreateLogger(SecurityAudit.Category);

    protected override TimeSpan RevalidationInterval => security.Value.SessionValidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var valid = await IsStillValidAsync(authenticationState.User).ConfigureAwait(false);
        if (!valid)
            _audit.SessionEnded(clock.GetUtcNow(), authenticationState.User.Identity?.Name ?? "unknown", "circuit: account changed or disabled");
        return valid;
    }

    internal async Task<bool> IsStillValidAsync(ClaimsPrincipal principal)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.GetUserAsync(principal).ConfigureAwait(false);
        if (user is null || StaffAdminService.IsDisabled(user))
            return false;
        if (!users.SupportsUserSecurityStamp)
            return true;
        var principalStamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        var userStamp = await users.GetSecurityStampAsync(user).ConfigureAwait(false);
        return principalStamp == userStamp;
    }
}
