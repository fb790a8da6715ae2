namespace Portal.Data.Opinions;

public sealed partial class Opinion
{
    /// <summary>The import this opinion came from; null for opinions received by the portal itself.</summary>
    public int? ImportBatchId { get; private set; }

    /// <summary>Identifies an imported message across imports (see <see cref="HistoricOpinion.ImportKey"/>).</summary>
    public string? ImportKey { get; private set; }

    /// <summary>Supports (附议) the message had on the earlier message board; counted with the portal's own.</summary>
    public int ImportedSupportCount { get; private set; }

    public bool IsImported => ImportBatchId is not null;

    /// <summary>
    /// An opinion from an earlier message board enters the ledger as a finished record with its own dates: published
    /// with its reply when it has one, else completed without a completion time (the old board did not say). It has
    /// no deadline, so it never becomes overdue or supervised. The history shows its submission, its reply, and the import.
    /// </summary>
    public static Opinion ImportHistoric(HistoricOpinion data, string trackingCode, int batchId, string importNote, ActorRef by, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(trackingCode);
        ArgumentNullException.ThrowIfNull(by);
        RequireText(data.Title, MaxTitleLength, nameof(data.Title));
        RequireText(data.Body, MaxBodyLength, nameof(data.Body));
        RequireText(data.PublicTitle, MaxTitleLength, nameof(data.PublicTitle));
        RequireText(data.PublicBody, MaxBodyLength, nameof(data.PublicBody));
        ArgumentOutOfRangeException.ThrowIfNegative(data.Supports);
        if (data.SubmittedAt > utcNow)
            throw new ArgumentOutOfRangeException(nameof(data), "留言时间不能晚于现在。");
        var answered = data.Reply is not null;
        if (answered && (data.RepliedAt is not { } repliedAt || repliedAt < data.SubmittedAt || repliedAt > utcNow || data.PublicReply is null))
            throw new ArgumentOutOfRangeException(nameof(data), "答复时间应在留言时间之后、现在之前。");

        var system = new ActorRef(null, "原系统");
        var opinion = new Opinion
        {
            TrackingCode = trackingCode,
            Kind = data.Kind,
            Channel = data.Channel,
            Title = data.Title,
            Body = data.Body,
            Area = data.Area,
            IsAnonymous = true,
            ConsentToPublish = data.ConsentToPublish,
            DepartmentId = data.DepartmentId,
            InitialDepartmentId = data.DepartmentId,
            ImportBatchId = batchId,
            ImportKey = data.ImportKey,
            ImportedSupportCount = data.Supports,
            Status = OpinionStatus.Submitted,
            CreatedAt = data.SubmittedAt,
            RegisteredAt = data.SubmittedAt,
        };
        opinion.AddEvent(OpinionAction.Submitted, null, OpinionStatus.Submitted, system, null, data.SubmittedAt);
        if (answered)
        {
            var at = data.RepliedAt!.Value;
            opinion._results.Add(HandlingResult.Imported(data.Reply!, data.PublicReply!, data.Adoption, data.WrittenBy, at));
            opinion.CompletedAt = at;
            opinion.PublishedAt = at;
            opinion.PublicTitle = data.PublicTitle;
            opinion.PublicBody = data.PublicBody;
            opinion.AddEvent(OpinionAction.Completed, OpinionStatus.Submitted, OpinionStatus.Completed, new ActorRef(null, data.WrittenBy), null, at);
            opinion.AddEvent(OpinionAction.Published, OpinionStatus.Completed, OpinionStatus.Published, system, null, at);
            opinion.Status = OpinionStatus.Published;
        }
        else
        {
            opinion.Status = OpinionStatus.Completed;
        }

        opinion.AddEvent(OpinionAction.Imported, null, opinion.Status, by, importNote, utcNow);
        opinion.UpdatedAt = utcNow;
        return opinion;
    }
}
