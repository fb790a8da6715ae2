using System.ComponentModel.DataAnnotations;
using Portal.Data.Opinions;

namespace Portal.Moderation.Opinions;

/// <summary>The opinion-box form, as a resident fills it in (or a moderator on a resident's behalf).</summary>
public sealed class SubmitOpinionInput
{
    [Required(ErrorMessage = "请选择意见类型。")]
    [EnumDataType(typeof(OpinionKind), ErrorMessage = "请选择意见类型。")]
    public OpinionKind? Kind { get; set; }

    [Required(ErrorMessage = "请填写标题。")]
    [StringLength(Opinion.MaxTitleLength, ErrorMessage = "标题不能超过 {1} 个字。")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "请填写意见内容。")]
    [StringLength(Opinion.MaxBodyLength, MinimumLength = 5, ErrorMessage = "意见内容请写 {2} 到 {1} 个字。")]
    public string? Body { get; set; }

    [StringLength(Opinion.MaxAreaLength, ErrorMessage = "所在地不能超过 {1} 个字。")]
    public string? Area { get; set; }

    [StringLength(Opinion.MaxNameLength, ErrorMessage = "姓名不能超过 {1} 个字。")]
    [RequiredForReply("投诉和求助需要留下姓名，以便承办部门答复您。")]
    public string? ResidentName { get; set; }

    [StringLength(Opinion.MaxContactLength, ErrorMessage = "联系方式不能超过 {1} 个字。")]
    [RequiredForReply("投诉和求助需要留下联系电话，以便承办部门答复您。")]
    [RegularExpression(@"^\s*(?:\+?\d[\d\- ]{5,18}\d|[^@\s]+@[^@\s]+\.[^@\s]+)\s*$", ErrorMessage = "请填写有效的电话号码（如 13812345678 或 0371-12345678）或电子邮箱。")]
    public string? ResidentContact { get; set; }

    /// <summary>Hide the name from the department and from the public (contact stays with moderators).</summary>
    public bool IsAnonymous { get; set; }

    /// <summary>The resident agrees that the opinion and its answer, masked, are published.</summary>
    public bool ConsentToPublish { get; set; }

    /// <summary>A random key rendered into the form, so a second post of the same form stores nothing new.</summary>
    [StringLength(64)]
    public string? SubmissionKey { get; set; }

    /// <summary>Whether name and contact are required for this kind (so the department can reply).</summary>
    public static bool ContactRequired(OpinionKind? kind) => kind is OpinionKind.Complaint or OpinionKind.HelpRequest;

    /// <summary>Cleans every field in place (control characters, spaces, line breaks).</summary>
    public void Clean()
    {
        Title = TextInput.Clean(Title);
        Body = TextInput.Clean(Body, multiline: true);
        Area = TextInput.Clean(Area);
        ResidentName = TextInput.Clean(ResidentName);
        ResidentContact = TextInput.Clean(ResidentContact);
    }

    public OpinionSubmission ToSubmission(OpinionChannel channel) => new(
        Kind ?? throw new InvalidOperationException("Kind is required."),
        channel,
        Title!,
        Body!,
        Area,
        ResidentName,
        ResidentContact,
        IsAnonymous,
        ConsentToPublish,
        Guid.TryParse(SubmissionKey, out var key) ? key : null);

    /// <summary>A new, empty form as a resident first sees it.</summary>
    public static SubmitOpinionInput NewForm() => new() { ConsentToPublish = true, SubmissionKey = Guid.NewGuid().ToString("N") };

    /// <summary>Name and contact are required for complaints and requests for help, so the department can reply.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    private sealed class RequiredForReplyAttribute(string message) : ValidationAttribute(message)
    {
        protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
            validationContext.ObjectInstance is SubmitOpinionInput input && ContactRequired(input.Kind) && string.IsNullOrWhiteSpace(value as string)
                ? new ValidationResult(ErrorMessage, validationContext.MemberName is { } member ? [member] : null)
                : ValidationResult.Success;
    }
}
