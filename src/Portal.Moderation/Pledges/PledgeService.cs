using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Data.Pledges;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Pledges;

/// <summary>
/// The pledge workflow (承诺践诺): checks the actor's role, loads the pledge, applies the entity's guarded
/// transition and saves it with its history entry in one <c>SaveChanges</c>. A stale version is refused.
/// </summary>
/// <remarks>
/// Who may act is decided by <see cref="PledgeAccess"/> from the actor's roles and the party membership on
/// their account: branch secretaries manage their own branch, members post progress on their own pledges.
/// Evaluation (评议) is <see cref="PledgeEvaluationService"/>.
/// </remarks>
public sealed partial class PledgeService(
    IDbContextFactory<PortalDbContext> dbFactory,
    DeadlinePolicy time,
    TimeProvider clock,
    StaffAudit audit,
    ILogger<PledgeService> logger)
{
    /// <summary>Creates a pledge in the Proposed state and returns its id.</summary>
    /// <exception cref="ValidationException">The input is not valid (message in Chinese).</exception>
    public async Task<int> CreateAsync(NewPledgeInput input, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var membership = await PartyMembership.OfAsync(db, actor.UserId, ct).ConfigureAwait(false);
        PledgeAccess.RequireCreate(actor, membership, null);
        // A secretary's form has no branch field: an empty branch means their own.
        if (!actor.CanModerate && string.IsNullOrWhiteSpace(input.Branch))
            input.Branch = membership.Branch;
        input.Clean();
        Validator.ValidateObject(input, new ValidationContext(input), validateAllProperties: true);
        PledgeAccess.RequireCreate(actor, membership, input.Branch);
        if (input.DueDate!.Value.Year < input.Year)
            throw new ValidationException("完成时限不能早于承诺年度。");
        if (input.OwnerUserId is { } ownerId)
        {
            var ownerBranch = await db.Users.AsNoTracking().Where(u => u.Id == ownerId).Select(u => u.PartyBranch).SingleOrDefaultAsync(ct).ConfigureAwait(false);
            if (ownerBranch != input.Branch)
                throw new ValidationException("承诺人账号不属于该党支部。");
        }

        var pledge = Pledge.Propose(input.ToDraft(), actor.Ref, clock.GetUtcNow().UtcDateTime);
        db.Pledges.Add(pledge);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        LogCreated(logger, pledge.Id, actor.UserId);
        audit.Record(actor, "pledge.create", pledge.Id);
        return pledge.Id;
    }

    public Task PublishAsync(int pledgeId, int expectedVersion, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(pledgeId, expectedVersion, actor, PledgeAccess.RequireManage, (p, now) => p.Publish(actor.Ref, now), ct);

    /// <summary>Records progress on a local day, which cannot be in the future.</summary>
    public Task AddProgressAsync(int pledgeId, int expectedVersion, DateOnly date, string? text, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(pledgeId, expectedVersion, actor, PledgeAccess.RequireProgress, (p, now) =>
        {
            if (date > Today(now))
                throw new PledgeStateException("进展日期不能晚于今天。");
            p.AddProgress(date, Required(text, "进展情况", multiline: true), actor.Ref, now);
        }, ct);

    public Task MarkFulfilledAsync(int pledgeId, int expectedVersion, string? note, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(pledgeId, expectedVersion, actor, PledgeAccess.RequireManage, (p, now) => p.MarkFulfilled(TextInput.Clean(note, multiline: true), actor.Ref, now), ct);

    /// <summary>
    /// Marks every published pledge whose due day (local) has passed as Overdue. Meant to run on a schedule;
    /// for now the staff list calls it when it loads. Returns how many were marked.
    /// </summary>
    public async Task<int> MarkOverdueAsync(DateTime utcNow, CancellationToken ct = default)
    {
        var today = Today(utcNow);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var due = await db.Pledges.Where(p => p.Status == PledgeStatus.Published && p.DueDate < today).ToListAsync(ct).ConfigureAwait(false);
        if (due.Count == 0)
            return 0;
        foreach (var pledge in due)
            pledge.MarkOverdue(today, utcNow);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed one of them at the same moment (e.g. marked it fulfilled): the next run catches up.
            return 0;
        }

        LogMarkedOverdue(logger, due.Count);
        return due.Count;
    }

    /// <summary>A resident rates a public pledge; one rating per pledge and device.</summary>
    public async Task<PledgeRatingResult> RateAsync(int pledgeId, SatisfactionRating rating, string? comment, string? deviceToken, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(rating))
            return new(PledgeRatingOutcome.NotOpen, "请选择满意、基本满意或不满意。");
        if (!DeviceTokens.IsValid(deviceToken))
            return new(PledgeRatingOutcome.NotOpen, "无法识别您的设备，请允许本站使用 Cookie 后重试。");
        comment = TextInput.Clean(comment, multiline: true);
        if (comment is { Length: > PledgeRating.MaxCommentLength })
            return new(PledgeRatingOutcome.NotOpen, $"评价内容不能超过 {PledgeRating.MaxCommentLength} 个字。");

        var hash = DeviceTokens.Hash(deviceToken!);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var pledge = await db.Pledges.Include(p => p.Ratings.Where(r => r.DeviceTokenHash == hash))
            .SingleOrDefaultAsync(p => p.Id == pledgeId, ct).ConfigureAwait(false);
        if (pledge is null || !pledge.IsPublic)
            return new(PledgeRatingOutcome.NotFound, "未找到该承诺。");
        if (await PledgeRounds.ClosedReasonAsync(db, pledge.Year, ct).ConfigureAwait(false) is { } closed)
            return new(PledgeRatingOutcome.NotOpen, closed);
        try
        {
            pledge.Rate(rating, comment, hash, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (PledgeStateException ex)
        {
            return new(PledgeRatingOutcome.AlreadyRated, ex.Message);
        }
        catch (DbUpdateException)
        {
            // The same device posted twice at once: the unique index kept one.
            return new(PledgeRatingOutcome.AlreadyRated, "您已评价过该承诺，每台设备只能评价一次，感谢您的参与。");
        }

        LogRated(logger, pledge.Id, rating);
        return new(PledgeRatingOutcome.Recorded, "感谢您的评价！");
    }

    /// <summary>The portal's local day of a UTC instant.</summary>
    public DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(time.ToLocal(utcNow));

    private async Task ApplyAsync(int pledgeId, int expectedVersion, StaffActor actor, Action<StaffActor, PartyMembership, Pledge> authorize,
        Action<Pledge, DateTime> step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var pledge = await db.Pledges.SingleOrDefaultAsync(p => p.Id == pledgeId, ct).ConfigureAwait(false)
            ?? throw new PledgeStateException("未找到该承诺。");
        authorize(actor, await PartyMembership.OfAsync(db, actor.UserId, ct).ConfigureAwait(false), pledge);
        if (pledge.Version != expectedVersion)
            throw new PledgeStateException(StaleMessage);
        var from = pledge.Status;
        step(pledge, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new PledgeStateException(StaleMessage, ex);
        }

        LogTransition(logger, pledge.Id, from, pledge.Status, actor.UserId);
        audit.Record(actor, "pledge." + pledge.Status.ToString().ToLowerInvariant(), pledge.Id);
    }

    private const string StaleMessage = "该承诺刚刚已被他人修改，请刷新后再操作。";

    private static string Required(string? value, string label, bool multiline = false) =>
        TextInput.Clean(value, multiline) ?? throw new PledgeStateException($"请填写{label}。");

    [LoggerMessage(Level = LogLevel.Information, Message = "Pledge {PledgeId} created by {UserId}")]
    private static partial void LogCreated(ILogger logger, int pledgeId, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pledge {PledgeId} moved from {From} to {To} by {UserId}")]
    private static partial void LogTransition(ILogger logger, int pledgeId, PledgeStatus from, PledgeStatus to, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} pledges marked overdue")]
    private static partial void LogMarkedOverdue(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pledge {PledgeId} rated {Rating}")]
    private static partial void LogRated(ILogger logger, int pledgeId, SatisfactionRating rating);
}
