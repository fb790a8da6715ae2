using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Moderation.Privacy;
using Portal.Moderation.Routing;
using Portal.Moderation.Staff;
using Portal.Moderation.Supervision;

namespace Portal.Moderation.Opinions;

/// <summary>
/// The application service of the opinion workflow: loads an opinion, checks that the actor may take the
/// step, applies the entity's guarded transition, and saves the change with its history entry in one
/// transaction. A stale <c>expectedVersion</c> or a concurrent save is refused with
/// <see cref="OpinionConcurrencyException"/>; nothing is half-applied.
/// </summary>
public sealed partial class OpinionWorkflowService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IDepartmentRouter router,
    AutoAssignPolicy autoAssign,
    DeadlinePolicy deadlines,
    OpinionNotifier notifier,
    TimeProvider clock,
    IOptions<WorkflowOptions> options,
    ILogger<OpinionWorkflowService> logger)
{
    /// <summary>Submits an opinion from the opinion box or, for a moderator, on a resident's behalf.</summary>
    /// <exception cref="ValidationException">The input is not valid (message in Chinese).</exception>
    public async Task<SubmissionReceipt> SubmitAsync(SubmitOpinionInput input, OpinionChannel channel, StaffActor? onBehalfOf, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (channel != OpinionChannel.OpinionBox && onBehalfOf is not { CanModerate: true })
            throw new WorkflowAccessDeniedException("只有审核员可以代群众登记其他渠道的意见。");
        input.Clean();
        Validator.ValidateObject(input, new ValidationContext(input), validateAllProperties: true);

        var now = clock.GetUtcNow().UtcDateTime;
        var by = onBehalfOf?.Ref ?? ActorRef.Resident;
        var suggestion = await SuggestSafelyAsync(input.Title!, input.Body!, ct).ConfigureAwait(false);

        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var submission = input.ToSubmission(channel);
        if (await ExistingReceiptAsync(db, submission.SubmissionKey, ct).ConfigureAwait(false) is { } earlier)
            return earlier;

        for (var attempt = 1; ; attempt++)
        {
            var opinion = Opinion.Submit(submission, TrackingCodes.New(), by, now);
            if (suggestion is not null && await ActiveOnlyAsync(db, suggestion.Ranked, ct).ConfigureAwait(false) is { Count: > 0 } ranked)
                opinion.SuggestDepartments(ranked, suggestion.ModelVersion);
            db.Opinions.Add(opinion);
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                LogSubmitted(logger, opinion.Id, channel);
                notifier.Publish(new OpinionChange(opinion.Id, null));
                return new SubmissionReceipt(opinion.Id, opinion.TrackingCode, opinion.CreatedAt);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.Entry(opinion).State = EntityState.Detached;
                // The same form posted twice at once: the first one won.
                if (await ExistingReceiptAsync(db, submission.SubmissionKey, ct).ConfigureAwait(false) is { } concurrent)
                    return concurrent;
                // A tracking-code collision (vanishingly rare) is retried with another code; anything else is not.
                if (!await CodeTakenAsync(db, opinion.TrackingCode, ct).ConfigureAwait(false))
                    throw;
            }
        }
    }

    /// <summary>
    /// Registers the opinion. When auto-assignment is on and the router's best suggestion reaches the
    /// threshold, the router assigns it to that department in the same step (the history shows both).
    /// </summary>
    public Task RegisterAsync(int opinionId, int expectedVersion, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(opinionId, expectedVersion, actor, Moderators, async (db, o, now) =>
        {
            o.Register(actor.Ref, now);
            if (o.SuggestedDepartmentId is not { } suggested || o.SuggestionConfidence is not { } confidence
                || await autoAssign.ThresholdAsync(ct).ConfigureAwait(false) is not { } threshold || confidence < threshold)
                return;
            var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == suggested && d.IsActive, ct).ConfigureAwait(false);
            if (department is not null)
                o.AssignByRouter(department, await deadlines.DeadlineForAsync(department, o.Kind, now, ct).ConfigureAwait(false), now);
        }, ct);

    public Task RejectAsync(int opinionId, int expectedVersion, string reason, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(opinionId, expectedVersion, actor, Moderators, (_, o, now) => { o.Reject(Required(reason, "不予受理的理由"), actor.Ref, now); return Task.CompletedTask; }, ct);

    /// <summary>Merges a duplicate into the original identified by its tracking code.</summary>
    public Task MergeAsync(int opinionId, int expectedVersion, string originalTrackingCode, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(opinionId, expectedVersion, actor, Moderators, async (db, o, now) =>
        {
            var code = TrackingCodes.Normalize(originalTrackingCode) ?? throw new OpinionStateException("请填写正确的目标意见查询码。");
            var original = await db.Opinions.SingleOrDefaultAsync(x => x.TrackingCode == code, ct).ConfigureAwait(false)
                ?? throw new OpinionStateException("未找到目标意见，请核对查询码。");
            o.MergeInto(original, actor.Ref, now);
        }, ct);

    public Task AssignAsync(int opinionId, int expectedVersion, int departmentId, string? note, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(opinionId, expectedVersion, actor, Moderators, async (db, o, now) =>
        {
            var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == departmentId, ct).ConfigureAwait(false)
                ?? throw new OpinionStateException("请选择承办部门。");
            o.AssignTo(department, await deadlines.DeadlineForAsync(department, o.Kind, now, ct).ConfigureAwait(false), actor.Ref, now, TextInput.Clean(note));
        }, ct);

    public Task AcceptAsync(int opinionId, int expectedVersion, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(opinionId, expectedVersion, actor, DepartmentHandlers, (_, o, now) => { o.Accept(actor.Ref, now); return Task.CompletedTask; }, ct);

    public Task ReturnAsync(int opinionId, int expectedVersion, string reason, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(opinionId, expectedVersion, actor, DepartmentHandlers, async (db, o, now) =>
        {
            o.ReturnForReassignment(Required(reason, "退回理由"), actor.Ref, now);
            await OpenNotices.ClearAsync(db, o, "退回重新交办", now, ct).ConfigureAwait(false);
        }, ct);

    public Task CompleteAsync(int opinionId, int expectedVersion, HandlingResultDraft draft, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(opinionId, expectedVersion, actor, DepartmentHandlers, async (db, o, now) =>
        {
            ArgumentNullException.ThrowIfNull(draft);
            var clean = new HandlingResultDraft(
                Required(draft.ActionsTaken, "办理情况", multiline: true),
                Required(draft.ReplyText, "答复内容", multiline: true),
                draft.Adoption,
                TextInput.Clean(draft.AdoptionReason, multiline: true),
                Required(draft.SignedOffBy, "签发人"));
            o.Complete(clean, actor.Ref, now);
            await OpenNotices.ClearAsync(db, o, "已办结", now, ct).ConfigureAwait(false);
        }, ct);

    public Task RequestRevisionAsync(int opinionId, int expectedVersion, string reason, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(opinionId, expectedVersion, actor, Moderators, (_, o, now) => { o.RequestRevision(Required(reason, "退回修改的理由"), actor.Ref, now); return Task.CompletedTask; }, ct);

    /// <summary>The masked public version a moderator starts from before publishing.</summary>
    public async Task<PublicationDraft> GetPublicationDraftAsync(int opinionId, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireModerator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var o = await db.Opinions.AsNoTracking().Include(x => x.Results).SingleOrDefaultAsync(x => x.Id == opinionId, ct).ConfigureAwait(false)
            ?? throw new OpinionNotFoundException();
        var reply = o.CurrentResult?.ReplyText ?? "";
        return new PublicationDraft(
            PersonalDataMasker.Mask(o.Title, o.ResidentName),
            PersonalDataMasker.Mask(o.Body, o.ResidentName),
            PersonalDataMasker.Mask(reply, o.ResidentName));
    }

    /// <summary>Publishes the reply; the texts are masked again whatever the moderator typed.</summary>
    public Task PublishAsync(int opinionId, int expectedVersion, PublicationDraft publication, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(opinionId, expectedVersion, actor, Moderators, (_, o, now) =>
        {
            ArgumentNullException.ThrowIfNull(publication);
            o.Publish(
                PersonalDataMasker.Mask(Required(publication.Title, "公开标题"), o.ResidentName),
                PersonalDataMasker.Mask(Required(publication.Body, "公开内容", multiline: true), o.ResidentName),
                PersonalDataMasker.Mask(Required(publication.Reply, "公开答复", multiline: true), o.ResidentName),
                actor.Ref,
                now);
            return Task.CompletedTask;
        }, ct);

    public Task ChangeCaseOwnerAsync(int opinionId, int expectedVersion, string ownerUserId, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(opinionId, expectedVersion, actor, Supervisors, async (db, o, now) =>
        {
            var owner = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == ownerUserId, ct).ConfigureAwait(false)
                ?? throw new OpinionStateException("请选择包案人。");
            o.ChangeCaseOwner(owner.Id, owner.DisplayName, actor.Ref, now);
        }, ct);

    /// <summary>The resident rates the published reply. Returns false when the code matches nothing.</summary>
    public async Task<RatingOutcome> RateAsync(string trackingCode, SatisfactionRating rating, string? comment, CancellationToken ct = default)
    {
        var code = TrackingCodes.Normalize(trackingCode);
        if (code is null)
            return RatingOutcome.NotFound;
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var opinion = await db.Opinions.Include(o => o.Department).Include(o => o.Ratings).Include(o => o.Results)
            .SingleOrDefaultAsync(o => o.TrackingCode == code, ct).ConfigureAwait(false);
        if (opinion is null)
            return RatingOutcome.NotFound;
        if (!opinion.CanBeRated)
            return RatingOutcome.NotOpen;

        var now = clock.GetUtcNow().UtcDateTime;
        var reopenDeadline = opinion.Department is { } d ? await deadlines.DeadlineForAsync(d, opinion.Kind, now, ct).ConfigureAwait(false) : now.AddDays(15);
        opinion.Rate(rating, TextInput.Clean(comment, multiline: true), reopenDeadline, now);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Two ratings at the same moment: the unique index or the version token kept only one.
            return RatingOutcome.NotOpen;
        }

        LogRated(logger, opinion.Id, rating);
        notifier.Publish(new OpinionChange(opinion.Id, opinion.DepartmentId));
        return opinion.Status == OpinionStatus.InProgress ? RatingOutcome.Reopened : RatingOutcome.Recorded;
    }

    private async Task ApplyAsync(int opinionId, int expectedVersion, StaffActor actor, Action<StaffActor, Opinion> authorize,
        Func<PortalDbContext, Opinion, DateTime, Task> step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var opinion = await db.Opinions.Include(o => o.Department).Include(o => o.Results)
            .SingleOrDefaultAsync(o => o.Id == opinionId, ct).ConfigureAwait(false)
            ?? throw new OpinionNotFoundException();
        authorize(actor, opinion);
        if (opinion.Version != expectedVersion)
            throw new OpinionConcurrencyException();

        var from = opinion.Status;
        await step(db, opinion, clock.GetUtcNow().UtcDateTime).ConfigureAwait(false);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new OpinionConcurrencyException("该意见刚刚已被他人处理，已显示最新状态，请确认后再操作。", ex);
        }

        LogTransition(logger, opinion.Id, from, opinion.Status, actor.UserId);
        notifier.Publish(new OpinionChange(opinion.Id, opinion.DepartmentId));
    }

    /// <summary>
    /// Asks the router within its time limit. The router runs on its own task, so one that blocks or ignores
    /// cancellation cannot hold up the submission; a late, failed or absent answer means manual routing.
    /// </summary>
    private async Task<RoutingSuggestion?> SuggestSafelyAsync(string title, string body, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var limit = TimeSpan.FromMilliseconds(options.Value.RouterTimeoutMs);
        timeout.CancelAfter(limit);
        try
        {
            return await Task.Run(() => router.SuggestAsync(title, body, timeout.Token).AsTask(), timeout.Token)
                .WaitAsync(limit, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            LogRouterFailed(logger, "timeout", null);
            return null;
        }
#pragma warning disable CA1031 // The router is advisory: any failure sends the opinion to manual routing.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogRouterFailed(logger, ex.GetType().Name, ex);
            return null;
        }
    }

    private static async Task<SubmissionReceipt?> ExistingReceiptAsync(PortalDbContext db, Guid? key, CancellationToken ct) =>
        key is null
            ? null
            : await db.Opinions.AsNoTracking().Where(o => o.SubmissionKey == key)
                .Select(o => new SubmissionReceipt(o.Id, o.TrackingCode, o.CreatedAt)).SingleOrDefaultAsync(ct).ConfigureAwait(false);

    private static async Task<List<DepartmentSuggestion>> ActiveOnlyAsync(PortalDbContext db, IReadOnlyList<DepartmentSuggestion> ranked, CancellationToken ct)
    {
        var ids = ranked.Select(r => r.DepartmentId).ToList();
        var active = await db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id) && d.IsActive).Select(d => d.Id)
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. ranked.Where(r => active.Contains(r.DepartmentId))];
    }

    private static async Task<bool> CodeTakenAsync(PortalDbContext db, string code, CancellationToken ct) =>
        await db.Opinions.AsNoTracking().AnyAsync(o => o.TrackingCode == code, ct).ConfigureAwait(false);

    private static string Required(string? value, string label, bool multiline = false) =>
        TextInput.Clean(value, multiline) ?? throw new OpinionStateException($"请填写{label}。");

    private static void Moderators(StaffActor actor, Opinion opinion) => RequireModerator(actor);

    private static void RequireModerator(StaffActor actor)
    {
        if (!actor.CanModerate)
            throw new WorkflowAccessDeniedException("只有审核员可以执行此操作。");
    }

    private static void Supervisors(StaffActor actor, Opinion opinion)
    {
        if (!actor.CanSupervise)
            throw new WorkflowAccessDeniedException("只有领导或审核员可以执行此操作。");
    }

    /// <summary>Another department's opinion looks exactly like one that does not exist.</summary>
    private static void DepartmentHandlers(StaffActor actor, Opinion opinion)
    {
        if (!CaseAccess.IsHandlerOf(actor, opinion.DepartmentId))
            throw new OpinionNotFoundException();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opinion {OpinionId} submitted through {Channel}")]
    private static partial void LogSubmitted(ILogger logger, int opinionId, OpinionChannel channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opinion {OpinionId} moved from {From} to {To} by {UserId}")]
    private static partial void LogTransition(ILogger logger, int opinionId, OpinionStatus from, OpinionStatus to, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opinion {OpinionId} rated {Rating}")]
    private static partial void LogRated(ILogger logger, int opinionId, SatisfactionRating rating);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Department router failed ({Reason}); opinion goes to manual routing")]
    private static partial void LogRouterFailed(ILogger logger, string reason, Exception? exception);
}

/// <param name="OpinionId">The stored opinion.</param>
/// <param name="TrackingCode">The code the resident keeps.</param>
/// <param name="SubmittedAt">UTC.</param>
public sealed record SubmissionReceipt(int OpinionId, string TrackingCode, DateTime SubmittedAt);

/// <summary>The public version of an opinion and its reply, as a moderator publishes it.</summary>
public sealed record PublicationDraft(string Title, string Body, string Reply);

public enum RatingOutcome
{
    Recorded,
    Reopened,
    NotOpen,
    NotFound,
}
