using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Data.Receptions;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;
using static Portal.Moderation.Receptions.ReceptionInput;

namespace Portal.Moderation.Receptions;

/// <summary>
/// 接谈记录 after a session, and the opinion registered from one: it enters the normal workflow through
/// <see cref="OpinionWorkflowService"/> with channel <see cref="OpinionChannel.Reception"/>, the host as case
/// owner (首接负责 / 包案, see <see cref="HostCaseOwner"/>), and the record and the opinion linked both ways.
/// </summary>
public sealed partial class InterviewRecordService(
    IDbContextFactory<PortalDbContext> dbFactory,
    OpinionWorkflowService workflow,
    DeadlinePolicy time,
    TimeProvider clock,
    ILogger<InterviewRecordService> logger)
{
    /// <summary>Records a conversation; with <see cref="InterviewInput.AppointmentId"/> it is the conversation of that booking.</summary>
    /// <exception cref="ValidationException">Missing or invalid input (Chinese message).</exception>
    /// <exception cref="ReceptionStateException">The session does not allow records (not started, cancelled), or the booking is taken.</exception>
    public async Task<int> RecordAsync(int sessionId, InterviewInput input, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireManager(actor);
        var name = Required(input.VisitorName, "来访人姓名", InterviewRecord.MaxNameLength);
        var phone = ReceptionText.NormalizePhone(Optional(input.VisitorPhone, "联系电话", 40));
        if (phone is null && !string.IsNullOrWhiteSpace(input.VisitorPhone))
            throw new ValidationException("请填写有效的联系电话（7 位以上数字）。");
        var issue = Required(input.Issue, "反映的问题", InterviewRecord.MaxIssueLength, multiline: true);
        var instruction = Optional(input.Instruction, "领导批示", InterviewRecord.MaxInstructionLength, multiline: true);

        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var session = await db.ReceptionSessions.SingleOrDefaultAsync(s => s.Id == sessionId, ct).ConfigureAwait(false)
            ?? throw new ReceptionStateException("未找到该场接访。");
        Appointment? appointment = null;
        if (input.AppointmentId is { } appointmentId)
        {
            appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, ct).ConfigureAwait(false)
                ?? throw new ReceptionStateException("未找到该预约。");
            if (await db.InterviewRecords.AnyAsync(r => r.AppointmentId == appointmentId, ct).ConfigureAwait(false))
                throw new ReceptionStateException("该预约已有接谈记录。");
        }

        var record = InterviewRecord.Create(session, appointment, name, phone, issue, instruction, actor.Ref, clock.GetUtcNow().UtcDateTime);
        db.InterviewRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException ex)
        {
            // The unique index on AppointmentId: another staff member recorded the same booking at the same moment.
            throw new ReceptionStateException("该预约已有接谈记录。", ex);
        }

        LogRecorded(logger, record.Id, sessionId, actor.UserId);
        return record.Id;
    }

    /// <summary>The records of a session with the state of the opinions made from them (staff only).</summary>
    public async Task<IReadOnlyList<InterviewRecordView>> ForSessionAsync(int sessionId, StaffActor actor, CancellationToken ct = default)
    {
        RequireManager(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await (
                from r in db.InterviewRecords.AsNoTracking().Where(r => r.SessionId == sessionId)
                join o in db.Opinions on r.OpinionId equals o.Id into linked
                from o in linked.DefaultIfEmpty()
                orderby r.RecordedAt, r.Id
                select new { Record = r, Code = o == null ? null : o.TrackingCode, Status = o == null ? (OpinionStatus?)null : o.Status })
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(x => new InterviewRecordView(
            x.Record.Id, x.Record.SessionId, x.Record.AppointmentId, x.Record.VisitorName, x.Record.VisitorPhone, x.Record.Issue, x.Record.Instruction,
            time.ToLocal(x.Record.RecordedAt), x.Record.RecordedByName, x.Record.OpinionId, x.Code, x.Status))];
    }

    /// <summary>
    /// Where an opinion came from, when it was registered from an interview record (case view: 来自接谈记录);
    /// null as well when the actor may not read the case.
    /// </summary>
    public async Task<InterviewOrigin?> OriginOfAsync(int opinionId, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var opinion = await db.Opinions.AsNoTracking().Where(o => o.Id == opinionId).Select(o => new { o.DepartmentId }).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        if (opinion is null || !CaseAccess.CanRead(actor, opinion.DepartmentId))
            return null;
        var row = await db.InterviewRecords.AsNoTracking().Where(r => r.OpinionId == opinionId)
            .Select(r => new { r.Id, r.SessionId, r.Session!.StartsAt, r.Session.Method, HostName = r.Session.Host!.Name, HostPost = r.Session.Host.Post, r.Instruction, r.RecordedByName, r.RecordedAt })
            .SingleOrDefaultAsync(ct).ConfigureAwait(false);
        return row is null
            ? null
            : new InterviewOrigin(row.Id, row.SessionId, time.ToLocal(row.StartsAt), row.Method, row.HostName, row.HostPost, row.Instruction, row.RecordedByName, time.ToLocal(row.RecordedAt));
    }

    /// <summary>
    /// Registers an opinion from a record: submitted on the visitor's behalf with channel 接待日接谈, the host made case
    /// owner, then registered (受理) like any other opinion, so routing and deadlines follow. Registering the same record
    /// again returns the same opinion (the record's submission key).
    /// </summary>
    /// <returns>The opinion's receipt: give its tracking code to the visitor.</returns>
    public async Task<SubmissionReceipt> RegisterOpinionAsync(int recordId, InterviewOpinionInput input, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireManager(actor);
        InterviewRecord record;
        ReceptionHost host;
        await using (var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            record = await db.InterviewRecords.AsNoTracking().Include(r => r.Session).ThenInclude(s => s!.Host)
                .SingleOrDefaultAsync(r => r.Id == recordId, ct).ConfigureAwait(false) ?? throw new ReceptionStateException("未找到该接谈记录。");
            host = record.Session!.Host!;
            if (record.OpinionId is { } existing)
            {
                var code = await db.Opinions.Where(o => o.Id == existing).Select(o => o.TrackingCode).SingleAsync(ct).ConfigureAwait(false);
                throw new ReceptionStateException($"该接谈记录已登记为意见（查询码 {TrackingCodes.Format(code)}）。");
            }
        }

        var receipt = await workflow.SubmitAsync(ToSubmission(record, input), OpinionChannel.Reception, actor, ct).ConfigureAwait(false);
        await LinkAsync(recordId, receipt.OpinionId, host, actor, ct).ConfigureAwait(false);
        if (await StatusAsync(receipt.OpinionId, ct).ConfigureAwait(false) is (OpinionStatus.Submitted, var version))
            await workflow.RegisterAsync(receipt.OpinionId, version, actor, ct).ConfigureAwait(false);
        LogRegistered(logger, receipt.OpinionId, recordId, actor.UserId);
        return receipt;
    }

    private static SubmitOpinionInput ToSubmission(InterviewRecord record, InterviewOpinionInput input)
    {
        var body = record.Instruction is null ? record.Issue : $"{record.Issue}\n\n接访领导批示：{record.Instruction}";
        return new SubmitOpinionInput
        {
            Kind = input.Kind,
            Title = string.IsNullOrWhiteSpace(input.Title) ? DefaultTitle(record.Issue) : input.Title,
            Body = body.Length > Opinion.MaxBodyLength ? body[..Opinion.MaxBodyLength] : body,
            Area = input.Area,
            ResidentName = record.VisitorName,
            ResidentContact = record.VisitorPhone,
            ConsentToPublish = input.ConsentToPublish,
            SubmissionKey = record.OpinionSubmissionKey.ToString("N"),
        };
    }

    /// <summary>The first line of the issue, cut to fit a title.</summary>
    public static string DefaultTitle(string issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var line = issue.Split('\n', 2)[0].Trim();
        return line.Length <= 30 ? line : line[..30] + "…";
    }

    /// <summary>Makes the host the case owner (while the opinion is still new) and links record and opinion, in one save.</summary>
    private async Task LinkAsync(int recordId, int opinionId, ReceptionHost host, StaffActor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var record = await db.InterviewRecords.SingleAsync(r => r.Id == recordId, ct).ConfigureAwait(false);
        var opinion = await db.Opinions.SingleAsync(o => o.Id == opinionId, ct).ConfigureAwait(false);
        var owner = HostCaseOwner.For(host);
        var now = clock.GetUtcNow().UtcDateTime;
        if (opinion.Status == OpinionStatus.Submitted && opinion.CaseOwnerId != owner.Id)
            opinion.ChangeCaseOwner(owner.Id, owner.Name, actor.Ref, now);
        record.LinkOpinion(opinionId, now);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException ex)
        {
            throw new ReceptionStateException("该接谈记录刚被其他工作人员登记为意见，请刷新后查看。", ex);
        }
    }

    private async Task<(OpinionStatus Status, int Version)> StatusAsync(int opinionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var row = await db.Opinions.AsNoTracking().Where(o => o.Id == opinionId).Select(o => new { o.Status, o.Version }).SingleAsync(ct).ConfigureAwait(false);
        return (row.Status, row.Version);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Interview record {RecordId} added to reception session {SessionId} by {UserId}")]
    private static partial void LogRecorded(ILogger logger, int recordId, int sessionId, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opinion {OpinionId} registered from interview record {RecordId} by {UserId}")]
    private static partial void LogRegistered(ILogger logger, int opinionId, int recordId, string userId);
}
