using System.ComponentModel.DataAnnotations;
using Portal.Data.Pledges;
using Portal.Moderation.Opinions;

namespace Portal.Moderation.Pledges;

/// <summary>The staff form for a new pledge (提出承诺).</summary>
public sealed class NewPledgeInput
{
    [Required(ErrorMessage = "请填写承诺人。")]
    [StringLength(Pledge.MaxOwnerNameLength, ErrorMessage = "承诺人不能超过 {1} 个字。")]
    public string? OwnerName { get; set; }

    [Required(ErrorMessage = "请填写所在党支部或单位。")]
    [StringLength(Pledge.MaxBranchLength, ErrorMessage = "党支部或单位不能超过 {1} 个字。")]
    public string? Branch { get; set; }

    public PledgeKind Kind { get; set; } = PledgeKind.Annual;

    [Range(Pledge.MinYear, Pledge.MaxYear, ErrorMessage = "承诺年度不正确。")]
    public int Year { get; set; }

    [Required(ErrorMessage = "请填写承诺事项。")]
    [StringLength(Pledge.MaxTitleLength, ErrorMessage = "承诺事项不能超过 {1} 个字。")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "请填写承诺内容。")]
    [StringLength(Pledge.MaxContentLength, ErrorMessage = "承诺内容不能超过 {1} 个字。")]
    public string? Content { get; set; }

    [StringLength(Pledge.MaxAreaLength, ErrorMessage = "所在区域不能超过 {1} 个字。")]
    public string? Area { get; set; }

    /// <summary>The owner's staff account (a member of the branch), if they have one.</summary>
    public string? OwnerUserId { get; set; }

    /// <summary>A local day (DateTime because the date picker binds one).</summary>
    [Required(ErrorMessage = "请选择完成时限。")]
    public DateTime? DueDate { get; set; }

    public void Clean()
    {
        OwnerName = TextInput.Clean(OwnerName);
        Branch = TextInput.Clean(Branch);
        Title = TextInput.Clean(Title);
        Content = TextInput.Clean(Content, multiline: true);
        Area = TextInput.Clean(Area);
        OwnerUserId = string.IsNullOrWhiteSpace(OwnerUserId) ? null : OwnerUserId.Trim();
    }

    internal PledgeDraft ToDraft() =>
        new(OwnerName!, Branch!, Kind, Year, Title!, Content!, Area, DateOnly.FromDateTime(DueDate!.Value), OwnerUserId);
}

/// <summary>The public list's filters (all optional) and page.</summary>
public sealed record PledgeFilter(
    string? Branch = null,
    int? Year = null,
    PledgeKind? Kind = null,
    PledgeStatus? Status = null,
    string? Search = null,
    int Page = 1,
    int PageSize = 10);

public enum PledgeRatingOutcome
{
    Recorded = 1,
    AlreadyRated = 2,
    NotOpen = 3,
    NotFound = 4,
}

/// <summary>The outcome of a public rating and the Chinese message shown to the resident.</summary>
public sealed record PledgeRatingResult(PledgeRatingOutcome Outcome, string Message);
