using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Data.Departments;
using Portal.Data.Opinions;
using Portal.Data.Receptions;
using Portal.Moderation.Opinions;
using Portal.Moderation.Supervision;
using Portal.Moderation.Receptions;

namespace Portal.Moderation.Seeding;

/// <summary>
/// Demo data for what follows a reception (runs after <see cref="ReceptionDemoSeeder"/>, once): interview records
/// of the held sessions — some registered as opinions with the host as case owner, at several stages —, earlier
/// held sessions this year and last year, and household visits, so the frequency page shows met, on-track,
/// behind and unmet targets.
/// </summary>
public sealed partial class ReceptionRecordsDemoSeeder(
    IDbContextFactory<PortalDbContext> dbFactory,
    DeadlinePolicy time,
    TimeProvider clock,
    ILogger<ReceptionRecordsDemoSeeder> logger)
{
    private static readonly (string Issue, string Instruction, string Department, OpinionKind Kind)[] Issues =
    [
        ("所住小区6号楼加装电梯，一楼住户不同意，协商了半年没有结果，希望政府出面协调。", "请县住建局牵头，会同街道社区组织业主协商，一个月内拿出协调意见。", "urban-construction", OpinionKind.HelpRequest),
        ("村道硬化后两侧排水沟没有盖板，雨天积水，晚上有老人摔倒。", "请交通局会同乡镇核实，列入本年度农村公路养护计划，先行设置警示标志。", "transport", OpinionKind.Complaint),
        ("孩子明年上小学，新建小区的学区划分一直没有公布，家长很着急。", "请教体局尽快公布学区划分方案，并在社区做好解释。", "education-culture", OpinionKind.Question),
        ("在县城打零工，老板拖欠三个月工资共一万二千元，讨要无果。", "请人社局劳动监察大队立即介入，依法督促支付，结果及时反馈本人。", "labour-social-security", OpinionKind.HelpRequest),
        ("菜市场周边早高峰占道经营，电动车和行人抢道，存在安全隐患。", "请商务局会同城管、交警划定临时摊位区域，早高峰加强疏导。", "commerce-tourism", OpinionKind.Suggestion),
        ("村卫生室只有一名乡村医生，常用药经常断货，老人买药要跑到镇上。", "请卫健局核实村卫生室药品配送情况，保障常用药供应。", "health", OpinionKind.Complaint),
        ("老旧小区改造时楼道照明没有一并更换，晚上上下楼不安全。", "请住建局在改造收尾时一并更换楼道灯具。", "urban-construction", OpinionKind.Suggestion),
        ("农村养老保险缴费档次想调高，不知道怎么办理。", "已当场解释办理流程，请人社局安排人员上门指导。", "labour-social-security", OpinionKind.Question),
    ];

    private static readonly string[] WalkIns = ["何玉珍", "冯建军", "曹淑芬", "袁立新", "邓桂香", "许海涛"];

    private static readonly string[] Households =
    [
        "东关社区3号楼2单元 王秀英（独居老人）", "东关社区5号楼 李建华（低保户）", "东关社区老街12号 张凤兰", "东关社区8号楼 刘志强（退役军人）",
        "柳树湾村二组 赵长贵（种植户）", "柳树湾村三组 孙德福（脱贫户）", "柳树湾村一组 周桂芝（留守老人）",
    ];

    private static readonly string[] VisitSummaries =
    [
        "了解冬季取暖和日常就医情况，宣传家庭医生签约服务。", "询问低保发放和子女就业情况，收集对社区养老服务的意见。",
        "了解农产品销路，介绍电商服务站的代销渠道。", "听取对村道养护和路灯安装的意见，已转村委会研究。",
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (await db.InterviewRecords.AnyAsync(ct).ConfigureAwait(false) || await db.HouseholdVisits.AnyAsync(ct).ConfigureAwait(false)
            || !await db.ReceptionHosts.AnyAsync(ct).ConfigureAwait(false))
            return;

        var moderator = await ActorAsync(db, "moderator", ct).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var hosts = await db.ReceptionHosts.OrderBy(h => h.Id).ToListAsync(ct).ConfigureAwait(false);
        var leaders = hosts.Where(h => h.Kind == ReceptionHostKind.Leader).ToList();
        var deputies = hosts.Where(h => h.Kind == ReceptionHostKind.Deputy).ToList();
        AddEarlierSessions(db, leaders, deputies, now);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);

        var records = await AddRecordsAsync(db, moderator, now, ct).ConfigureAwait(false);
        var opinions = await AddOpinionsAsync(db, records, moderator, now, ct).ConfigureAwait(false);
        var visits = AddVisits(db, deputies, moderator, now);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        LogSeeded(logger, records.Count, opinions, visits);
    }

    /// <summary>
    /// Held sessions before the weekly rotation: the first leader often (meets the target), the second about on
    /// schedule, the third not at all (behind); last year a mix of met and unmet.
    /// </summary>
    private void AddEarlierSessions(PortalDbContext db, List<ReceptionHost> leaders, List<ReceptionHost> deputies, DateTime now)
    {
        var today = time.ToLocal(now).Date;
        var rotationStart = today.AddDays(-63);
        var yearStart = new DateTime(today.Year, 1, 1);
        if (leaders.Count >= 2)
        {
            Held(db, leaders[0], Spaced(yearStart.AddDays(5), rotationStart, 21), now);
            Held(db, leaders[1], Spaced(yearStart.AddDays(12), rotationStart, 35), now);
            Held(db, leaders[0], Spaced(yearStart.AddYears(-1).AddDays(8), yearStart.AddYears(-1).AddMonths(12), 28).Take(12), now);
        }

        if (deputies.Count >= 2)
        {
            Held(db, deputies[0], [yearStart.AddYears(-1).AddMonths(3).AddDays(2), yearStart.AddYears(-1).AddMonths(9).AddDays(6)], now);
            Held(db, deputies[1], [yearStart.AddYears(-1).AddMonths(5).AddDays(10)], now);
        }
    }

    private static IEnumerable<DateTime> Spaced(DateTime from, DateTime before, int days)
    {
        for (var d = from; d < before; d = d.AddDays(days))
            yield return d;
    }

    private void Held(PortalDbContext db, ReceptionHost host, IEnumerable<DateTime> days, DateTime now)
    {
        foreach (var day in days)
        {
            var starts = time.ToUtc(day.AddHours(9));
            var session = ReceptionSession.Schedule(host, starts, starts.AddHours(3), null, "清河县人民来访接待中心（县政府东侧）",
                ReceptionMethod.FixedPlace, null, 8, starts.AddDays(-7));
            session.MarkHeld(starts.AddHours(3));
            db.ReceptionSessions.Add(session);
        }
    }

    /// <summary>One record per booking of the recent held sessions, plus a walk-in at every other session.</summary>
    private static async Task<List<InterviewRecord>> AddRecordsAsync(PortalDbContext db, ActorRef moderator, DateTime now, CancellationToken ct)
    {
        var recent = await db.ReceptionSessions.Include(s => s.Host)
            .Where(s => s.Status == ReceptionSessionStatus.Held && s.StartsAt > now.AddDays(-70))
            .OrderBy(s => s.StartsAt).ToListAsync(ct).ConfigureAwait(false);
        var appointments = await db.Appointments.Where(a => a.Status == AppointmentStatus.Booked).ToListAsync(ct).ConfigureAwait(false);
        var records = new List<InterviewRecord>();
        var n = 0;
        foreach (var (session, i) in recent.Select((s, i) => (s, i)))
        {
            var at = session.EndsAt.AddMinutes(20);
            foreach (var a in appointments.Where(a => a.SessionId == session.Id))
            {
                // The conversation is about what the resident booked for (the demo bookings' topics match an issue).
                var (issue, instruction, _, _) = Issues.FirstOrDefault(x => SharesKeyword(x.Issue, a.Topic)) is { Issue: not null } match ? match : Issues[n % Issues.Length];
                n++;
                records.Add(InterviewRecord.Create(session, a, a.ResidentName, a.Phone, issue, instruction, moderator, at));
            }

            if (i % 2 == 0)
            {
                var (issue, instruction, _, _) = Issues[n++ % Issues.Length];
                records.Add(InterviewRecord.Create(session, null, WalkIns[i / 2 % WalkIns.Length], $"1370000{i:0000}", issue,
                    i % 4 == 0 ? null : instruction, moderator, at));
            }
        }

        db.InterviewRecords.AddRange(records);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return records;
    }

    private static bool SharesKeyword(string issue, string topic) =>
        Enumerable.Range(0, Math.Max(0, topic.Length - 3)).Any(i => issue.Contains(topic.Substring(i, 4), StringComparison.Ordinal));

    /// <summary>
    /// Two of every three records become opinions (channel 接待日接谈, the host as case owner), the older ones further
    /// along: registered, assigned and in progress, or completed.
    /// </summary>
    private async Task<int> AddOpinionsAsync(PortalDbContext db, List<InterviewRecord> records, ActorRef moderator, DateTime now, CancellationToken ct)
    {
        var departments = await db.Departments.Where(d => d.IsActive).ToDictionaryAsync(d => d.Code, ct).ConfigureAwait(false);
        var handlers = await db.Users.Where(u => u.UserName!.StartsWith("handler-")).ToDictionaryAsync(u => u.UserName!, ct).ConfigureAwait(false);
        var calendar = await time.CalendarAsync(ct).ConfigureAwait(false);
        var made = new List<(InterviewRecord Record, Opinion Opinion)>();
        foreach (var (record, i) in records.Select((r, i) => (r, i)).Where(x => x.i % 3 != 2))
        {
            var (_, _, code, kind) = Issues.First(x => x.Issue == record.Issue);
            if (!departments.TryGetValue(code, out var department))
                continue;
            var t = record.RecordedAt.AddMinutes(30);
            var body = record.Instruction is null ? record.Issue : $"{record.Issue}\n\n接访领导批示：{record.Instruction}";
            var opinion = Opinion.Submit(new OpinionSubmission(kind, OpinionChannel.Reception, InterviewRecordService.DefaultTitle(record.Issue), body,
                null, record.VisitorName, record.VisitorPhone, false, i % 2 == 0, record.OpinionSubmissionKey), TrackingCodes.New(), moderator, t);
            var (ownerId, ownerName) = HostCaseOwner.For(record.Session!.Host!);
            opinion.ChangeCaseOwner(ownerId, ownerName, moderator, t);
            opinion.Register(moderator, t.AddMinutes(5));
            Advance(opinion, department, handlers, moderator, t, now, calendar);
            made.Add((record, opinion));
        }

        db.Opinions.AddRange(made.Select(x => x.Opinion));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        foreach (var (record, opinion) in made)
            record.LinkOpinion(opinion.Id, opinion.CreatedAt);
        return made.Count;
    }

    private void Advance(Opinion opinion, Department department, Dictionary<string, Portal.Data.Staff.StaffUser> handlers, ActorRef moderator, DateTime t, DateTime now, WorkingCalendar calendar)
    {
        var age = now - t;
        if (age < TimeSpan.FromDays(5))
            return; // the newest stay registered, waiting for assignment
        var assigned = t.AddHours(20);
        opinion.AssignTo(department, time.DeadlineFor(calendar, DeadlinePolicy.DaysFor(department, opinion.Kind), assigned), moderator, assigned, "按接访领导批示交办");
        if (!handlers.TryGetValue($"handler-{department.Code}", out var user))
            return;
        var handler = new ActorRef(user.Id, user.DisplayName);
        opinion.Accept(handler, assigned.AddHours(3));
        if (age > TimeSpan.FromDays(25))
        {
            opinion.Complete(new HandlingResultDraft("已按接访领导批示调查核实并落实整改。", "您在接待日反映的问题已办理：经调查核实，已按领导批示落实，相关情况已当面向您说明。",
                Adoption.Adopted, null, department.Name), handler, assigned.AddDays(9));
        }
    }

    /// <summary>The first deputy meets the visit target; the second is behind; last year the first met it and the second did not.</summary>
    private int AddVisits(PortalDbContext db, List<ReceptionHost> deputies, ActorRef moderator, DateTime now)
    {
        if (deputies.Count < 2)
            return 0;
        var today = DateOnly.FromDateTime(time.ToLocal(now));
        var yearStart = new DateOnly(today.Year, 1, 1);
        var span = Math.Max(1, today.DayNumber - yearStart.DayNumber);
        var plan = new (ReceptionHost Host, DateOnly From, int Span, int Count)[]
        {
            (deputies[0], yearStart, span, 11), (deputies[1], yearStart, span, 3),
            (deputies[0], yearStart.AddYears(-1), 360, 10), (deputies[1], yearStart.AddYears(-1), 360, 6),
        };
        var count = 0;
        foreach (var (host, from, days, visits) in plan)
        {
            var households = host == deputies[0] ? Households[..4] : Households[4..];
            for (var i = 0; i < visits; i++, count++)
            {
                var day = from.AddDays(days * i / visits);
                db.HouseholdVisits.Add(HouseholdVisit.Record(host, day, households[i % households.Length], VisitSummaries[i % VisitSummaries.Length],
                    moderator, today, time.ToUtc(day.ToDateTime(new TimeOnly(17, 0)))));
            }
        }

        return count;
    }

    private static async Task<ActorRef> ActorAsync(PortalDbContext db, string userName, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => new ActorRef(u.Id, u.DisplayName)).SingleOrDefaultAsync(ct).ConfigureAwait(false)
        ?? ActorRef.System;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Records} demo interview records ({Opinions} registered as opinions) and {Visits} household visits")]
    private static partial void LogSeeded(ILogger logger, int records, int opinions, int visits);
}
