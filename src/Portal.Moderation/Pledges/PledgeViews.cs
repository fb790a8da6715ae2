using Portal.Data.Opinions;
using Portal.Data.Pledges;

namespace Portal.Moderation.Pledges;

/// <summary>A row of the staff pledge list.</summary>
public sealed record PledgeStaffItem(
    int Id,
    string Title,
    string OwnerName,
    string Branch,
    PledgeKind Kind,
    int Year,
    DateOnly DueDate,
    PledgeStatus Status,
    bool IsDueSoon,
    bool IsOverdue,
    PledgeGrade? Grade,
    int ProgressCount,
    int Version,
    string? OwnerUserId = null);

/// <summary>The reminders shown to a staff member: overdue and due-soon pledges they answer for.</summary>
public sealed record PledgeReminders(IReadOnlyList<PledgeStaffItem> Overdue, IReadOnlyList<PledgeStaffItem> DueSoon, int DueSoonDays)
{
    public int Count => Overdue.Count + DueSoon.Count;
}

/// <summary>A row of the public pledge list.</summary>
public sealed record PledgeListItem(
    int Id,
    string Title,
    string OwnerName,
    string Branch,
    PledgeKind Kind,
    int Year,
    string? Area,
    DateOnly DueDate,
    PledgeStatus Status,
    int RatingCount);

/// <summary>One entry of the public timeline: a local day and what happened.</summary>
public sealed record PledgeTimelineEntry(DateOnly Date, string Text);

/// <summary>How many residents gave one rating.</summary>
public sealed record RatingCount(SatisfactionRating Rating, int Count);

/// <summary>One pledge as residents see it.</summary>
public sealed record PledgeDetail(
    int Id,
    string Title,
    string Content,
    string OwnerName,
    string Branch,
    PledgeKind Kind,
    int Year,
    string? Area,
    DateOnly DueDate,
    PledgeStatus Status,
    string? FulfilmentNote,
    PledgeGrade? Grade,
    string? LeaderComment,
    IReadOnlyList<PledgeTimelineEntry> Timeline,
    IReadOnlyList<RatingCount> Distribution,
    decimal? Score = null,
    string? RatingClosedReason = null)
{
    /// <summary>Residents may rate now (the round of the pledge's year is open).</summary>
    public bool IsRatingOpen => RatingClosedReason is null;

    public int RatingTotal => Distribution.Sum(d => d.Count);
}

/// <summary>The choices of the public filters: branches and years that have public pledges.</summary>
public sealed record PledgeFilterOptions(IReadOnlyList<string> Branches, IReadOnlyList<int> Years);

/// <summary>One line of the printable 公示 board of a unit.</summary>
public sealed record PledgeBoardItem(
    int Id, string OwnerName, PledgeKind Kind, int Year, string Title, string Content, string? Area, DateOnly DueDate, PledgeStatus Status, PledgeGrade? Grade);
