using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Portal.Data.Staff;

namespace Portal.Moderation.Staff;

/// <summary>
/// TOTP two-factor for staff accounts (RFC 6238, any authenticator app): enrolment with a shared key, confirmation
/// with a first code, one-time recovery codes, and switching it off. Enabling or disabling changes the security
/// stamp, so the account's other sessions end at their next validation.
/// </summary>
public sealed class StaffTwoFactorService(UserManager<StaffUser> users)
{
    public const int RecoveryCodeCount = 10;

    public async Task<TwoFactorStatus?> StatusAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
            return null;
        return new TwoFactorStatus(
            await users.GetTwoFactorEnabledAsync(user).ConfigureAwait(false),
            await users.CountRecoveryCodesAsync(user).ConfigureAwait(false));
    }

    /// <summary>
    /// The shared key to enter into an authenticator app (created on first use, kept until confirmed). Creating it
    /// changes the security stamp: <see cref="AuthenticatorSetup.NewKey"/> tells the caller to renew the session.
    /// </summary>
    public async Task<AuthenticatorSetup?> SetupAsync(string userId, string issuer)
    {
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
            return null;
        var key = await users.GetAuthenticatorKeyAsync(user).ConfigureAwait(false) ?? "";
        var newKey = key.Length == 0;
        if (newKey)
        {
            await users.ResetAuthenticatorKeyAsync(user).ConfigureAwait(false);
            key = await users.GetAuthenticatorKeyAsync(user).ConfigureAwait(false) ?? "";
        }

        return new AuthenticatorSetup(key, FormatKey(key), AuthenticatorUri(issuer, user.UserName ?? userId, key), newKey);
    }

    /// <summary>Checks a first code from the app and turns two-factor on. Returns the recovery codes, or null for a wrong code.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(string userId, string code)
    {
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null || !await IsValidCodeAsync(user, code).ConfigureAwait(false))
            return null;
        await users.SetTwoFactorEnabledAsync(user, true).ConfigureAwait(false);
        return await NewRecoveryCodesAsync(user).ConfigureAwait(false);
    }

    /// <summary>Replaces the recovery codes (the old ones stop working).</summary>
    public async Task<IReadOnlyList<string>> RegenerateRecoveryCodesAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null || !await users.GetTwoFactorEnabledAsync(user).ConfigureAwait(false))
            return [];
        return await NewRecoveryCodesAsync(user).ConfigureAwait(false);
    }

    /// <summary>Turns two-factor off and discards the key (a later enrolment gets a new one).</summary>
    public async Task DisableAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
            return;
        await users.SetTwoFactorEnabledAsync(user, false).ConfigureAwait(false);
        await users.ResetAuthenticatorKeyAsync(user).ConfigureAwait(false);
    }

    /// <summary>The digits of a code as people type them ("123 456", "123-456").</summary>
    public static string NormalizeCode(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>"jbsw y3dp ehpk 3pxp": groups of four, lower case, easy to read out and type.</summary>
    public static string FormatKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
                result.Append(' ');
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return result.ToString().ToLowerInvariant();
    }

    /// <summary>The otpauth:// URI that authenticator apps read from a QR code (Key URI Format).</summary>
    public static string AuthenticatorUri(string issuer, string account, string key) => string.Format(
        CultureInfo.InvariantCulture,
        "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
        Uri.EscapeDataString(issuer), Uri.EscapeDataString(account), key);

    private async Task<bool> IsValidCodeAsync(StaffUser user, string code)
    {
        var digits = NormalizeCode(code);
        return digits.Length == 6 && digits.All(char.IsAsciiDigit)
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(StaffUser user) =>
        (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount).ConfigureAwait(false))?.ToList() ?? [];
}

public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft);

public sealed record AuthenticatorSetup(string Key, string FormattedKey, string Uri, bool NewKey);
