using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Portal.Web.Security;

/// <summary>
/// The bot trap on residents' forms (OWASP ASVS 2.4.1): a honeypot field that people never see and a form stamp,
/// the render time protected with Data Protection so that it cannot be forged. <c>BotTrapFields</c> renders both
/// inside a form; <see cref="BotTrapExtensions.UseBotTrap"/> checks every post of a <see cref="ResidentForms">resident form</see>
/// before the page runs. A post that filled the honeypot, carries no valid stamp or came faster than
/// <see cref="BotTrapOptions.MinimumFillSeconds"/> is not processed: it is logged and answered like a success
/// (a redirect to <see cref="ReceivedPath"/>), so a bot learns nothing, and nothing is stored.
/// </summary>
public sealed class BotTrap(IDataProtectionProvider dataProtection, TimeProvider time, IOptions<BotTrapOptions> options)
{
    /// <summary>The honeypot: a tempting name, left empty by people (the field is off-screen and hidden from assistive technology).</summary>
    public const string HoneypotField = "website";

    /// <summary>The protected render time.</summary>
    public const string StampField = "__FormStamp";

    /// <summary>Where a trapped post is sent: a page that thanks, as after a real submission.</summary>
    public const string ReceivedPath = "/received";

    /// <summary>The form names (<c>_handler</c>) of the anonymous forms that carry the trap and are checked.</summary>
    public static IReadOnlySet<string> ResidentForms { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "submit-opinion", "rate", "support-opinion", "rate-pledge", "book", "cancel-booking",
    };

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Portal.BotTrap.FormStamp.v1");

    /// <summary>A stamp of now, for a form being rendered.</summary>
    public string IssueStamp() =>
        _protector.Protect(time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>Why the posted form looks like a bot's, or null when it looks like a person's.</summary>
    public string? Inspect(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!string.IsNullOrEmpty(form[HoneypotField]))
            return "honeypot";
        if (form[StampField].ToString() is not { Length: > 0 } stamp)
            return "no-stamp";
        long issuedAt;
        try
        {
            if (!long.TryParse(_protector.Unprotect(stamp), NumberStyles.None, CultureInfo.InvariantCulture, out issuedAt))
                return "forged-stamp";
        }
        catch (CryptographicException)
        {
            return "forged-stamp";
        }

        var filledIn = time.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(issuedAt);
        return filledIn < TimeSpan.FromSeconds(options.Value.MinimumFillSeconds) ? "too-fast" : null;
    }
}

public static class BotTrapExtensions
{
    public static IServiceCollection AddBotTrap(this IServiceCollection services)
    {
        services.AddOptions<BotTrapOptions>().BindConfiguration(BotTrapOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services.AddSingleton<BotTrap>();
    }

    /// <summary>
    /// After antiforgery validation (a post without a valid token is left to fail with 400 as any other) and before
    /// the page: trapped posts never reach it.
    /// </summary>
    public static IApplicationBuilder UseBotTrap(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method)
                && context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false }
                && context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
                var services = context.RequestServices;
                if (BotTrap.ResidentForms.Contains(form["_handler"].ToString())
                    && services.GetRequiredService<BotTrap>().Inspect(form) is { } reason)
                {
                    services.GetRequiredService<ILoggerFactory>().CreateLogger(SecurityAudit.Category).BotTrapHit(
                        services.GetRequiredService<TimeProvider>().GetUtcNow(), SecurityAudit.Actor(context),
                        SecurityAudit.ClientIp(context), context.Request.Path.Value ?? "/", reason);
                    context.Response.Redirect(BotTrap.ReceivedPath);
                    context.Response.StatusCode = StatusCodes.Status303SeeOther;
                    return;
                }
            }

            await next(context).ConfigureAwait(false);
        });
}
