using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Security;

/// <summary>The "StaffSecurity" configuration section: two-factor rules and how soon revoked sessions end.</summary>
public sealed class StaffSecurityOptions
{
    public const string SectionName = "StaffSecurity";

    /// <summary>
    /// Administrators must sign in with a second factor (TOTP) to use /staff/admin/*; without one they are sent to
    /// enrol. On in every environment; only the general integration-test host turns it off (its own tests turn it on).
    /// </summary>
    public bool RequireTwoFactorForAdmins { get; set; } = true;

    /// <summary>
    /// How often a sign-in cookie and a live circuit are re-checked against the account (security stamp, disabled):
    /// a disabled account or a changed role ends its sessions within this interval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan SessionValidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}
