using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Staff;
using Portal.Moderation.Staff;

namespace Portal.Web.Security;

/// <summary>
/// Staff sign-in (ASVS 6.2, 6.3, 7.4): Identity with lockout (5 failures → 15 minutes), length-only password rules
/// plus a common-password list, TOTP two-factor (required for admin pages), and sessions re-checked against the
/// account every <see cref="StaffSecurityOptions.SessionValidationInterval"/>.
/// </summary>
public static class StaffIdentityExtensions
{
    public static IServiceCollection AddStaffIdentity(this IServiceCollection services)
    {
        services.AddOptions<StaffSecurityOptions>().BindConfiguration(StaffSecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingStaffAuthenticationStateProvider>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddAuthorization(options => options.AddPolicy(AdminTwoFactor.Policy, policy =>
            policy.RequireAuthenticatedUser().AddRequirements(new AdminTwoFactorRequirement())));
        services.AddSingleton<IAuthorizationHandler, AdminTwoFactorHandler>();
        services.AddSingleton<UnknownAccountLockout>();
        services.AddScoped<StaffSignIn>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AdminTwoFactorResultHandler>();
        services.AddIdentityCore<StaffUser>(options =>
            {
                // Length over composition rules (ASVS 6.2.1, 6.2.5, 6.2.9): long passphrases with spaces welcome.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<StaffSecurityOptions>>((o, security) =>
        {
            o.ValidationInterval = security.Value.SessionValidationInterval;
            o.OnRefreshingPrincipal = AdminTwoFactor.KeepAuthenticationMethod;
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/account/denied";
            options.Cookie.Name = "portal.staff";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            var validate = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = context => ValidateAndAuditAsync(context, validate);
        });
        return services;
    }

    /// <summary>Sign-out (a form post with the antiforgery token, from the staff layout), audited.</summary>
    public static IEndpointRouteBuilder MapStaffSignOut(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (HttpContext context, SignInManager<StaffUser> signIn, ILoggerFactory loggers, TimeProvider clock) =>
            {
                if (context.User.Identity?.IsAuthenticated == true)
                    loggers.CreateLogger(SecurityAudit.Category).SignedOut(clock.GetUtcNow(), SecurityAudit.Actor(context), SecurityAudit.ClientIp(context));
                await signIn.SignOutAsync().ConfigureAwait(false);
                return Results.LocalRedirect("/");
            })
            .RequireAntiforgeryToken();
        return endpoints;
    }

    /// <summary>Identity's security-stamp check, with an audit event when it ends a session.</summary>
    private static async Task ValidateAndAuditAsync(CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> validate)
    {
        var actor = context.Principal?.Identity?.Name ?? "unknown";
        await validate(context).ConfigureAwait(false);
        if (context.Principal is null)
        {
            var services = context.HttpContext.RequestServices;
            services.GetRequiredService<ILoggerFactory>().CreateLogger(SecurityAudit.Category)
                .SessionEnded(services.GetRequiredService<TimeProvider>().GetUtcNow(), actor, "account changed or disabled");
        }
    }
}
