using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Data.Pledges;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Pledges;

/// <summary>
/// The yearly evaluation (评议, ADR-011): an administrator opens the round of a year; while it is open, owners
/// assess themselves, members of the same branch review each other, residents rate (see
/// <see cref="PledgeService.RateAsync"/>) and leaders review; closing the round grades every fulfilled or
/// overdue pledge of the year with <see cref="PledgeGrading"/> and moves it to Evaluated.
/// </summary>
public sealed partial class PledgeEvaluationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    DeadlinePolicy time,
    TimeProvider clock,
    IOptions<PledgeOptions> options,
    StaffAudit audit,
    ILogger<PledgeEvaluationService> logger)
{
    public async Task OpenRoundAsync(int year, StaffActor actor, CancellationToken ct = default)
    {
        PledgeAccess.RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var round = await db.PledgeEvaluationRounds.SingleOrDefaultAsync(r => r.Year == year, ct).ConfigureAwait(false);
        if (round is null)
            db.PledgeEvaluationRounds.Add(PledgeEvaluationRound.Open(year, actor.Ref, now));
        else
            round.Reopen(actor.Ref, now);
        await SaveAsync(db, ct).ConfigureAwait(false);
        LogRoundOpened(logger, year, actor.UserId);
        audit.Record(actor, "pledge.round.open", year);
    }

    /// <summary>Closes the round and grades the year's pledges; returns what was graded and what could not be.</summary>
    public async Task<RoundCloseResult> CloseRoundAsync(int year, StaffActor actor, CancellationToken ct = default)
    {
        PledgeAccess.RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var round = await db.PledgeEvaluationRounds.SingleOrDefaultAsync(r => r.Year == year, ct).ConfigureAwait(false)
            ?? throw new PledgeStateException($"{year} 年度评议尚未开始。");
        var pledges = await db.Pledges.Include(p => p.Assessments)
            .Where(p => p.Year == year && (p.Status == PledgeStatus.Published || p.Status == PledgeStatus.Fulfilled || p.Status == PledgeStatus.Overdue))
            .ToListAsync(ct).ConfigureAwait(false);
        var ids = pledges.Select(p => p.Id).ToList();
        var counts = await db.PledgeRatings.AsNoTracking().Where(r => ids.Contains(r.PledgeId))
            .GroupBy(r => new { r.PledgeId, r.Rating }).Select(g => new { g.Key.PledgeId, g.Key.Rating, Count = g.Count() })
            .ToListAsync(ct).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var result = CloseAndGrade(round, pledges, counts.ToLookup(c => c.PledgeId, c => (c.Rating, c.Count)),
            DateOnly.FromDateTime(time.ToLocal(now)), options.Value, actor.Ref, now);
        await SaveAsync(db, ct).ConfigureAwait(false);
        LogRoundClosed(logger, year, result.Evaluated, result.NotGraded.Count, actor.UserId);
        audit.Record(actor, "pledge.round.close", year);
        return result;
    }

    public Task SelfAssessAsync(int pledgeId, PledgeGrade grade, string? text, StaffActor actor, CancellationToken ct = default) =>
        AddEntryAsync(pledgeId, actor, (p, m, now) =>
        {
            PledgeAccess.RequireSelfAssess(actor, m, p);
            p.SelfAssess(grade, Required(text, "自评内容"), actor.Ref, now);
        }, ct);

    public Task PeerReviewAsync(int pledgeId, PledgeGrade grade, string? comment, StaffActor actor, CancellationToken ct = default) =>
        AddEntryAsync(pledgeId, actor, (p, m, now) => p.PeerReview(grade, TextInput.Clean(comment, multiline: true), actor.Ref, m.Branch, now), ct);

    public Task LeaderReviewAsync(int pledgeId, PledgeGrade grade, string? comment, StaffActor actor, CancellationToken ct = default) =>
        AddEntryAsync(pledgeId, actor, (p, _, now) =>
        {
            PledgeAccess.RequireLeader(actor);
            p.LeaderReview(grade, Required(comment, "点评意见"), actor.Ref, now);
        }, ct);

    /// <summary>
    /// Closes <paramref name="round"/> and grades its pledges: a published pledge past its due day is first marked
    /// overdue; a fulfilled or overdue pledge with at least one part gets its grade; others are listed as not graded.
    /// Shared by the service and the demo seeder so that the demo runs the same rule.
    /// </summary>
    internal static RoundCloseResult CloseAndGrade(PledgeEvaluationRound round, IReadOnlyList<Pledge> pledges,
        ILookup<int, (SatisfactionRating Rating, int Count)> ratingCounts, DateOnly today, PledgeOptions options, ActorRef by, DateTime utcNow)
    {
        round.Close(PledgeGrading.Describe(options), by, utcNow);
        var evaluated = 0;
        var notGraded = new List<string>();
        foreach (var pledge in pledges.Where(p => p.Year == round.Year && p.IsOpenForEvaluation))
        {
            if (pledge.IsPastDue(today))
                pledge.MarkOverdue(today, utcNow);
            if (pledge.Status == PledgeStatus.Published)
            {
                notGraded.Add($"{pledge.Title}（尚未践诺、未到期）");
                continue;
            }

            var counts = ratingCounts[pledge.Id].ToDictionary(c => c.Rating, c => c.Count);
            var inputs = new PledgeEvaluationInputs(
                pledge.Assessments.FirstOrDefault(a => a.Kind == PledgeAssessmentKind.Self)?.Grade,
                pledge.Assessments.Where(a => a.Kind == PledgeAssessmentKind.Peer).Select(a => a.Grade).ToList(),
                counts.GetValueOrDefault(SatisfactionRating.Satisfied),
                counts.GetValueOrDefault(SatisfactionRating.BasicallySatisfied),
                counts.GetValueOrDefault(SatisfactionRating.Dissatisfied),
                pledge.Assessments.FirstOrDefault(a => a.Kind == PledgeAssessmentKind.Leader)?.Grade);
            if (PledgeGrading.Compute(inputs, options) is not { } result)
            {
                notGraded.Add($"{pledge.Title}（没有任何评议记录）");
                continue;
            }

            pledge.Evaluate(result.Grade, result.Score, by, utcNow);
            evaluated++;
        }

        return new RoundCloseResult(evaluated, notGraded);
    }

    private async Task AddEntryAsync(int pledgeId, StaffActor actor, Action<Pledge, PartyMembership, DateTime> step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var pledge = await db.Pledges.Include(p => p.Assessments).SingleOrDefaultAsync(p => p.Id == pledgeId && p.Status != PledgeStatus.Proposed, ct).ConfigureAwait(false)
            ?? throw new PledgeStateException("未找到该承诺。");
        if (await PledgeRounds.ClosedReasonAsync(db, pledge.Year, ct).ConfigureAwait(false) is { } closed)
            throw new PledgeStateException(closed);
        var membership = await PartyMembership.OfAsync(db, actor.UserId, ct).ConfigureAwait(false);
        step(pledge, membership, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException ex)
        {
            // The same reviewer posted twice at once: the unique index kept one.
            throw new PledgeStateException("您已评议过该承诺，每人只能评议一次。", ex);
        }

        LogEntry(logger, pledge.Id, actor.UserId);
        audit.Record(actor, "pledge.evaluation.entry", pledge.Id);
    }

    private static async Task SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException ex)
        {
            throw new PledgeStateException("评议或承诺刚刚已被他人修改，请刷新后再操作。", ex);
        }
    }

    private static string Required(string? value, string label) =>
        TextInput.Clean(value, multiline: true) ?? throw new ValidationException($"请填写{label}。");

    [LoggerMessage(Level = LogLevel.Information, Message = "Pledge evaluation round {Year} opened by {UserId}")]
    private static partial void LogRoundOpened(ILogger logger, int year, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pledge evaluation round {Year} closed by {UserId}: {Evaluated} graded, {NotGraded} not graded")]
    private static partial void LogRoundClosed(ILogger logger, int year, int evaluated, int notGraded, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Evaluation entry on pledge {PledgeId} by {UserId}")]
    private static partial void LogEntry(ILogger logger, int pledgeId, string userId);
}

/// <summary>The outcome of closing a round: how many pledges were graded and which could not be (with why).</summary>
public sealed record RoundCloseResult(int Evaluated, IReadOnlyList<string> NotGraded);
