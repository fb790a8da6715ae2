using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Portal.Data.Staff;
using Portal.Moderation.Staff;

namespace Portal.Web.Security;

public enum SignInOutcome
{
    Succeeded,
    RequiresTwoFactor,
    Failed,
    LockedOut,

    /// <summary>The second step was opened without a pending password sign-in (or it expired).</summary>
    NoPendingSignIn,
}

/// <summary>
/// The staff sign-in steps behind the login pages: password (with lockout), then the second factor, each audited.
/// Unknown login names are answered exactly like real ones, lockout included (no account enumeration, ASVS 6.3.8).
/// </summary>
public sealed class StaffSignIn(
    SignInManager<StaffUser> signIn, UnknownAccountLockout unknownAccounts, StaffAudit staffAudit, ILoggerFactory loggers, TimeProvider clock)
{
    public const string WrongPasswordMessage = "登录名或密码不正确。";
    public const string WrongCodeMessage = "验证码不正确或已过期，请输入验证器应用中当前显示的 6 位数字，或一个未用过的恢复码。";

    public static string LockedOutMessage(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"登录失败次数过多，账号已被暂时锁定。请 {options.Lockout.DefaultLockoutTimeSpan.TotalMinutes:0} 分钟后再试；如仍无法登录，请联系管理员。";
    }

    private readonly ILogger _audit = loggers.CreateLogger(SecurityAudit.Category);

    public async Task<SignInOutcome> PasswordAsync(HttpContext context, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(context);
        userName = userName.Trim();
        var user = await signIn.UserManager.FindByNameAsync(userName).ConfigureAwait(false);
        SignInOutcome outcome;
        if (user is null)
        {
            unknownAccounts.SpendPasswordCheck(signIn.UserManager, password);
            outcome = unknownAccounts.RecordFailure(userName) ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
            outcome = Outcome(result);
        }

        Audit(context, AuditName(userName), outcome);
        return outcome;
    }

    /// <summary>A 6-digit code from the authenticator app, or one of the recovery codes.</summary>
    public async Task<SignInOutcome> SecondFactorAsync(HttpContext context, string code)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync().ConfigureAwait(false);
        if (user is null)
            return SignInOutcome.NoPendingSignIn;
        var digits = StaffTwoFactorService.NormalizeCode(code);
        var result = digits.Length == 6 && digits.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(digits, isPersistent: false, rememberClient: false).ConfigureAwait(false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode(digits)).ConfigureAwait(false);
        var outcome = Outcome(result);
        Audit(context, user.UserName ?? user.Id, outcome);
        return outcome;
    }

    /// <summary>
    /// Signs the current session in again after two-factor was switched on (the code just checked counts as the
    /// second factor) or off; the security stamp changed, so the account's other sessions end.
    /// </summary>
    public async Task RefreshSessionAsync(HttpContext context, string userId, bool secondFactor)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = await signIn.UserManager.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
            return;
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [AdminTwoFactor.AuthenticationMethod(secondFactor)]).ConfigureAwait(false);
        staffAudit.Record(SecurityAudit.Actor(context), secondFactor ? "two-factor enabled" : "two-factor disabled", "user:" + userId);
    }

    /// <summary>
    /// Changes the signed-in member's own password (the current one required, ASVS 6.2.3). The security stamp changes,
    /// so other sessions end; this one is renewed. Returns Chinese error messages, empty on success.
    /// </summary>
    public async Task<IReadOnlyList<string>> ChangePasswordAsync(HttpContext context, string userId, string currentPassword, string newPassword)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = await signIn.UserManager.FindByIdAsync(userId).ConfigureAwait(false);
        if (user is null)
            return ["未找到该账号。"];
        var result = await signIn.UserManager.ChangePasswordAsync(user, currentPassword, newPassword).ConfigureAwait(false);
        if (!result.Succeeded)
            return result.Errors.Select(e => e.Description).ToList();
        await signIn.RefreshSignInAsync(user).ConfigureAwait(false);
        staffAudit.Record(SecurityAudit.Actor(context), "password changed", "user:" + userId);
        return [];
    }

    /// <summary>Renews this session's cookie after its own account changed (keeps how it signed in).</summary>
    public async Task RenewSessionAsync(string userId)
    {
        if (await signIn.UserManager.FindByIdAsync(userId).ConfigureAwait(false) is { } user)
            await signIn.RefreshSignInAsync(user).ConfigureAwait(false);
    }

    /// <summary>Whether the browser holds a pending sign-in that waits for its second factor.</summary>
    public async Task<bool> HasPendingSecondFactorAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync().ConfigureAwait(false) is not null;

    /// <summary>Recovery codes are stored as "XXXXX-XXXXX"; people type them in any case, with or without the hyphen.</summary>
    private static string RecoveryCode(string typed)
    {
        var code = typed.ToUpperInvariant();
        return code.Length == 10 ? code[..5] + "-" + code[5..] : code;
    }

    private static SignInOutcome Outcome(SignInResult result) =>
        result.Succeeded ? SignInOutcome.Succeeded
        : result.RequiresTwoFactor ? SignInOutcome.RequiresTwoFactor
        : result.IsLockedOut ? SignInOutcome.LockedOut
        : SignInOutcome.Failed;

    private void Audit(HttpContext context, string actor, SignInOutcome outcome)
    {
        var now = clock.GetUtcNow();
        var ip = SecurityAudit.ClientIp(context);
        switch (outcome)
        {
            case SignInOutcome.Succeeded:
                _audit.SignInSucceeded(now, actor, ip);
                break;
            case SignInOutcome.LockedOut:
                _audit.LockedOut(now, actor, ip);
                break;
            case SignInOutcome.Failed:
                _audit.SignInFailed(now, actor, ip);
                break;
        }
    }

    /// <summary>A typed login name, bounded and printable (it may be anything, even a mistyped password).</summary>
    private static string AuditName(string userName)
    {
        var clean = new string(userName.Where(c => !char.IsControl(c)).Take(64).ToArray());
        return clean.Length == 0 ? "(empty)" : clean;
    }
}

/// <summary>
/// Failed sign-ins for login names without an account, counted the way Identity counts them for real accounts,
/// so that "locked" appears after the same number of failures whether or not the account exists.
/// Bounded memory: at most <see cref="MaxTrackedNames"/> names at a time.
/// </summary>
public sealed class UnknownAccountLockout(IOptions<IdentityOptions> options, TimeProvider clock) : IDisposable
{
    public const int MaxTrackedNames = 10_000;

    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = MaxTrackedNames });
    private readonly Lazy<string> _dummyHash = new(() => new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Guid.NewGuid().ToString()));

    /// <summary>Records a failure; true when the name is (now) locked out.</summary>
    public bool RecordFailure(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var lockout = options.Value.Lockout;
        var key = userName.ToUpperInvariant();
        var now = clock.GetUtcNow();
        lock (_failures)
        {
            var entry = _failures.Get<Entry>(key) ?? new Entry(0, null);
            if (entry.LockedUntil is { } until && until > now)
                return true;
            var count = entry.LockedUntil is null ? entry.Count + 1 : 1;
            entry = count >= lockout.MaxFailedAccessAttempts ? new Entry(0, now + lockout.DefaultLockoutTimeSpan) : new Entry(count, null);
            _failures.Set(key, entry, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = lockout.DefaultLockoutTimeSpan });
            return entry.LockedUntil is not null;
        }
    }

    /// <summary>Hashes like a real check would, so the answer for an unknown name takes as long.</summary>
    public void SpendPasswordCheck(UserManager<StaffUser> users, string password)
    {
        ArgumentNullException.ThrowIfNull(users);
        users.PasswordHasher.VerifyHashedPassword(new StaffUser(), _dummyHash.Value, password);
    }

    public void Dispose() => _failures.Dispose();

    private sealed record Entry(int Count, DateTimeOffset? LockedUntil);
}
