using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Portal.Data.Staff;

namespace Portal.Moderation.Staff;

/// <summary>
/// Refuses passwords that attackers try first (OWASP ASVS 6.2.4, 6.2.11, 6.2.12): the embedded list of common and
/// breached passwords (Staff/common-passwords.txt, compared case-insensitively) and the account's own login
/// name. Length is Identity's rule (12); there are no composition rules, and long passphrases with spaces pass.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<StaffUser>
{
    public const string CommonCode = "PasswordTooCommon";
    public const string UserNameCode = "PasswordIsUserName";
    private const string ResourceName = "Portal.Moderation.Staff.common-passwords.txt";

    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    /// <summary>How many passwords the list refuses.</summary>
    public static int ListSize => List.Value.Count;

    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return List.Value.Contains(password.Trim());
    }

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
            return Task.FromResult(IdentityResult.Success);
        if (user.UserName is { Length: > 0 } name && string.Equals(password.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = UserNameCode, Description = "密码不能与登录名相同。" }));
        if (IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = CommonCode,
                Description = "这个密码太常见（出现在常用或泄露密码库中），请换一个。可以用几个词连成的长句作密码，例如“清晨 骑车 去 河边 钓鱼”。",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
                passwords.Add(line);
        }

        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
