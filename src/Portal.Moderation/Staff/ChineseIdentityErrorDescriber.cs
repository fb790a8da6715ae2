using Microsoft.AspNetCore.Identity;

namespace Portal.Moderation.Staff;

/// <summary>Identity's error messages in Simplified Chinese (the staff pages show them as they are).</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "操作失败，请重试。");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "账号刚被其他人修改，请刷新后重试。");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "当前密码不正确。");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "验证码无效或已过期。");

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "恢复码无效或已使用。");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "登录名不合法。");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "该登录名已被使用。");

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), "角色名不合法。");

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), "该角色已存在。");

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "该账号已设置密码。");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "该账号未启用锁定。");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "该账号已经是这个角色。");

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "该账号不是这个角色。");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"密码至少需要 {length} 个字符（可以用几个词连成的长句）。");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"密码至少需要 {uniqueChars} 个不同的字符。");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "密码需要包含符号。");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "密码需要包含数字。");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "密码需要包含小写字母。");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "密码需要包含大写字母。");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
