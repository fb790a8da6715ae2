using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Data.Receptions;
using Portal.Moderation.Opinions;

namespace Portal.Moderation.Seeding;

/// <summary>
/// Demo receptions of the fictional 清河县: leaders and deputies, two deputy studios, sessions over the past
/// and the next two months (a weekly leaders' day, the studios' fixed days), some bookings, one cancellation.
/// Runs only when there are no reception hosts yet.
/// </summary>
public sealed partial class ReceptionDemoSeeder(
    IDbContextFactory<PortalDbContext> dbFactory,
    DeadlinePolicy time,
    TimeProvider clock,
    ILogger<ReceptionDemoSeeder> logger)
{
    private static readonly string[] Topics =
    [
        "小区加装电梯的费用分摊和审批流程",
        "村道硬化后排水沟没有盖板，雨天积水",
        "孩子上小学的学区划分问题",
        "农村养老保险缴费档次如何调整",
        "菜市场周边早高峰占道经营",
        "老旧小区改造时楼道照明一并更换",
    ];

    private static readonly string[] Names = ["刘桂兰", "张国强", "李秀英", "赵德明", "孙丽华", "周长海", "吴春梅", "郑志远"];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (await db.ReceptionHosts.AnyAsync(ct).ConfigureAwait(false))
            return;

        var leaders = new[]
        {
            ReceptionHost.Create("陈建国", "县委副书记", "党建、信访、乡村振兴", ReceptionHostKind.Leader, 12),
            ReceptionHost.Create("林海燕", "副县长", "教育、卫生健康、民政", ReceptionHostKind.Leader, 12),
            ReceptionHost.Create("马卫东", "副县长", "城乡建设、交通运输、生态环境", ReceptionHostKind.Leader, 12),
        };
        var deputies = new[]
        {
            ReceptionHost.Create("黄秀珍", "县党代表、东关社区党委书记", "社区治理、养老服务", ReceptionHostKind.Deputy, 2, 10),
            ReceptionHost.Create("王德胜", "县党代表、柳树湾村党支部书记", "农村道路、种养殖技术", ReceptionHostKind.Deputy, 2, 10),
        };
        var studios = new[]
        {
            DeputyStudio.Create("东关社区党代表工作室", "清河县城关镇东关社区党群服务中心二楼", "0312-5551208", "每月第一个星期三上午"),
            DeputyStudio.Create("柳树湾村党代表工作室", "清河县柳树湾村村委会一楼", "0312-5553716", "每月第三个星期五上午"),
        };
        db.ReceptionHosts.AddRange(leaders);
        db.ReceptionHosts.AddRange(deputies);
        db.DeputyStudios.AddRange(studios);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);

        var now = clock.GetUtcNow().UtcDateTime;
        var today = time.ToLocal(now).Date;
        var sessions = new List<ReceptionSession>();
        // Leaders: every Tuesday morning in turn at the county letters-and-visits hall, from 8 weeks back to 9 weeks ahead.
        var tuesday = today.AddDays(((int)DayOfWeek.Tuesday - (int)today.DayOfWeek + 7) % 7);
        for (var week = -8; week <= 9; week++)
        {
            var day = tuesday.AddDays(7 * week);
            var host = leaders[(week + 8) % leaders.Length];
            var method = week % 4 == 0 ? ReceptionMethod.ByAppointment : ReceptionMethod.FixedPlace;
            sessions.Add(ReceptionSession.Schedule(host, time.ToUtc(day.AddHours(8.5)), time.ToUtc(day.AddHours(11.5)), null,
                "清河县人民来访接待中心（县政府东侧）", method, host.Responsibilities.Split('、')[0] + "方面的意见建议", 8, now));
        }

        // Deputies: the studios' fixed days, two months back and two months ahead.
        for (var month = -2; month <= 2; month++)
        {
            var first = new DateTime(today.Year, today.Month, 1).AddMonths(month);
            sessions.Add(ReceptionSession.Schedule(deputies[0], time.ToUtc(Nth(first, DayOfWeek.Wednesday, 1).AddHours(9)), time.ToUtc(Nth(first, DayOfWeek.Wednesday, 1).AddHours(11.5)),
                studios[0], null, ReceptionMethod.FixedPlace, "老旧小区改造和居家养老", 10, now));
            sessions.Add(ReceptionSession.Schedule(deputies[1], time.ToUtc(Nth(first, DayOfWeek.Friday, 3).AddHours(9)), time.ToUtc(Nth(first, DayOfWeek.Friday, 3).AddHours(11.5)),
                studios[1], null, month % 2 == 0 ? ReceptionMethod.FixedPlace : ReceptionMethod.VisitWithCase, "村道养护和农产品销路", 6, now));
        }

        db.ReceptionSessions.AddRange(sessions);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);

        var n = 0;
        foreach (var (session, i) in sessions.OrderBy(s => s.StartsAt).Select((s, i) => (s, i)))
        {
            var bookings = Math.Min(session.Capacity - 1, i % 4);
            for (var b = 0; b < bookings; b++, n++)
            {
                db.Appointments.Add(Appointment.Book(session.Id, Names[n % Names.Length], $"1390000{n:0000}", Topics[n % Topics.Length], TrackingCodes.New(),
                    Min(session.StartsAt.AddDays(-3), now.AddDays(-1)).AddHours(b)));
            }

            if (session.EndsAt < now)
                session.MarkHeld(session.EndsAt);
        }

        var upcoming = sessions.Where(s => s.StartsAt > now.AddDays(10)).OrderBy(s => s.StartsAt).First();
        upcoming.Cancel("接访领导需参加省里的专题会议，本场接访顺延至下周同一时间。", now);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await db.ReceptionSessions.ExecuteUpdateAsync(
            u => u.SetProperty(s => s.BookedCount, s => db.Appointments.Count(a => a.SessionId == s.Id && a.Status == AppointmentStatus.Booked)), ct).ConfigureAwait(false);
        LogSeeded(logger, sessions.Count, n);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Nth(DateTime firstOfMonth, DayOfWeek day, int nth) =>
        firstOfMonth.AddDays(((int)day - (int)firstOfMonth.DayOfWeek + 7) % 7 + 7 * (nth - 1));

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Sessions} demo reception sessions with {Appointments} appointments")]
    private static partial void LogSeeded(ILogger logger, int sessions, int appointments);
}
