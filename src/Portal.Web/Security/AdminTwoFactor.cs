using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data.Staff;

namespace Portal.Web.Security;

/// <summary>
/// Administrators use /staff/admin/* only in a session signed in with a second factor (ASVS 6.3.3 for privileged
/// accounts). Identity marks such sessions with the claim <c>amr=mfa</c>; other roles pass this requirement.
/// </summary>
public static class AdminTwoFactor
{
    /// <summary>The policy every admin page carries (Components/Pages/Staff/Admin/_Imports.razor).</summary>
    public const string Policy = "AdminTwoFactor";

    /// <summary>The enrolment page (also where a staff member manages the authenticator and recovery codes).</summary>
    public const string EnrolmentPath = "/account/two-factor";

    private const string AuthenticationMethodClaim = "amr";
    private const string MultiFactor = "mfa";
    private const string PasswordOnly = "pwd";

    public static bool HasSecondFactor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(AuthenticationMethodClaim, MultiFactor);
    }

    /// <summary>Whether this session must enrol (or sign in again with a code) before an admin page opens.</summary>
    public static bool MustEnrol(ClaimsPrincipal user, StaffSecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(options);
        return options.RequireTwoFactorForAdmins && user.IsInRole(StaffRoles.Admin) && !HasSecondFactor(user);
    }

    /// <summary>The claim that records how the session signed in: after enrolling, the session counts as two-factor.</summary>
    public static Claim AuthenticationMethod(bool secondFactor) => new(AuthenticationMethodClaim, secondFactor ? MultiFactor : PasswordOnly);

    /// <summary>Keeps <c>amr</c> when the security-stamp check rebuilds the principal (Identity drops it otherwise).</summary>
    public static Task KeepAuthenticationMethod(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.CurrentPrincipal?.FindFirst(AuthenticationMethodClaim) is { } amr
            && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == AuthenticationMethodClaim))
            identity.AddClaim(new Claim(amr.Type, amr.Value));
        return Task.CompletedTask;
    }

    public static string EnrolmentUrl(string returnPath) => $"{EnrolmentPath}?returnUrl={Uri.EscapeDataString(returnPath)}";
}

public sealed class AdminTwoFactorRequirement : IAuthorizationRequirement;

internal sealed class AdminTwoFactorHandler(IOptionsMonitor<StaffSecurityOptions> options) : AuthorizationHandler<AdminTwoFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminTwoFactorRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && !AdminTwoFactor.MustEnrol(context.User, options.CurrentValue))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>An admin refused only for the missing second factor is sent to enrol instead of "access denied".</summary>
internal sealed class AdminTwoFactorResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<AdminTwoFactorRequirement>().Any() == true)
        {
            context.Response.Redirect(AdminTwoFactor.EnrolmentUrl(context.Request.Path + context.Request.QueryString));
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
