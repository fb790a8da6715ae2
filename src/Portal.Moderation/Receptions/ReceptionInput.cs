using System.ComponentModel.DataAnnotations;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Receptions;

/// <summary>Cleaning and checking of staff input on receptions, with Chinese messages (<see cref="ValidationException"/>).</summary>
internal static class ReceptionInput
{
    public static string Required(string? value, string field, int maxLength, bool multiline = false) =>
        Optional(value, field, maxLength, multiline) ?? throw new ValidationException($"请填写{field}。");

    public static string? Optional(string? value, string field, int maxLength, bool multiline = false)
    {
        var clean = TextInput.Clean(value, multiline);
        return clean is { Length: var n } && n > maxLength ? throw new ValidationException($"{field}不能超过 {maxLength} 个字。") : clean;
    }

    public static int Count(int value, string field, int max) =>
        value < 0 || value > max ? throw new ValidationException($"{field}应在 0 到 {max} 之间。") : value;

    /// <summary>A phone number as typed (cleaned), refused when it cannot be one; null when empty.</summary>
    public static string? Phone(string? value, string field)
    {
        var clean = TextInput.Clean(value);
        if (clean is null)
            return null;
        return ReceptionText.NormalizePhone(clean) is null ? throw new ValidationException($"请填写有效的{field}（7 位以上数字，可含区号和“-”）。") : clean;
    }

    /// <summary>Moderators and admins manage receptions.</summary>
    public static void RequireManager(StaffActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanModerate)
            throw new WorkflowAccessDeniedException("只有审核员或管理员可以管理接待日。");
    }
}
