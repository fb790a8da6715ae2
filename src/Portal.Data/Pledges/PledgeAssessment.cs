using Portal.Data.Opinions;

namespace Portal.Data.Pledges;

/// <summary>
/// One evaluation entry (评议) of a pledge: the owner's self-assessment, a peer review by a member of the same
/// branch, or the leader's review. Written once, never edited.
/// </summary>
public sealed class PledgeAssessment
{
    public const int MaxCommentLength = 1000;

    private PledgeAssessment()
    {
    }

    internal PledgeAssessment(PledgeAssessmentKind kind, PledgeGrade grade, string? comment, ActorRef by, DateTime utcNow)
    {
        Kind = kind;
        Grade = grade;
        Comment = comment;
        ReviewerUserId = by.UserId;
        ReviewerName = by.Name;
        CreatedAt = utcNow;
    }

    public int Id { get; private set; }

    public int PledgeId { get; private set; }

    public PledgeAssessmentKind Kind { get; private set; }

    public PledgeGrade Grade { get; private set; }

    public string? Comment { get; private set; }

    public string? ReviewerUserId { get; private set; }

    public string ReviewerName { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }
}
