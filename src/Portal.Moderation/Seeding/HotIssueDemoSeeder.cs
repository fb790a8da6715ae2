using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Data.HotIssues;
using Portal.Data.Opinions;
using Portal.Moderation.HotIssues;
using Portal.Moderation.Opinions;
using Portal.Moderation.Pledges;

namespace Portal.Moderation.Seeding;

/// <summary>
/// Demo hot issues: a few recent clusters of opinions about the same thing (from different residents and
/// areas), a burst of odour complaints in 工业园区 this week (a spike for 环境保护 and for the area),
/// supports on published opinions, and one group marked handled. Runs once, after the main demo data.
/// </summary>
public sealed partial class HotIssueDemoSeeder(
    IDbContextFactory<PortalDbContext> dbFactory,
    HotIssueGrouping grouping,
    DeadlinePolicy deadlines,
    TimeProvider clock,
    ILogger<HotIssueDemoSeeder> logger)
{
    /// <summary>(department category, area, title, body, days ago).</summary>
    private static readonly (string Category, string Area, string Title, string Body, double DaysAgo)[] Messages =
    [
        ("环境保护", "工业园区", "工业园区化工厂晚上排放刺鼻气味", "最近一周每天晚上九点以后，工业园区那家化工厂飘出刺鼻的气味，像烂鸡蛋一样，熏得人头疼，窗户都不敢开。", 1.2),
        ("环境保护", "工业园区", "园区夜里有很重的化学异味", "住在工业园区旁边，这几天夜里总闻到很重的化学异味，孩子咳嗽不停，怀疑是化工厂偷偷排放废气。", 1.8),
        ("环境保护", "工业园区", "化工厂废气异味扰民", "化工厂废气异味太大了，晚上根本睡不着，希望环保部门夜间去检查一下废气排放。", 2.1),
        ("环境保护", "工业园区", "晚上刺鼻气味越来越重", "工业园区晚上的刺鼻气味越来越重，老人说喉咙难受，请环保局查一查是哪家工厂在排放。", 2.6),
        ("环境保护", "工业园区", "请查处工业园区夜间偷排废气", "我们小区紧挨工业园区，夜间偷排废气的情况已经持续好几天，气味刺鼻，请依法查处。", 3.0),
        ("环境保护", "工业园区", "园区化工厂臭味熏人", "化工厂臭味熏人，白天还好，一到夜里就特别明显，门窗关紧了也能闻到。", 3.4),
        ("环境保护", "工业园区", "夜间废气排放导致头晕", "这周连续几个晚上闻到工业园区传来的废气味道，家里人都头晕恶心，希望尽快处理化工厂排放问题。", 4.1),
        ("环境保护", "东关社区", "东关社区也能闻到园区化工厂的气味", "风大的晚上东关社区也能闻到园区化工厂的刺鼻气味，请环保部门监测一下空气。", 4.5),
        ("环境保护", "工业园区", "化工厂异味什么时候能解决", "工业园区化工厂夜里的异味什么时候能解决？已经一个星期了，刺鼻气味影响全家休息。", 5.2),

        ("城乡建设", "河滨社区", "河滨社区老旧小区加装电梯进展太慢", "河滨社区老旧小区加装电梯申请半年了还没动工，楼里老人上下楼很困难，希望加快审批。", 3.5),
        ("城乡建设", "河滨社区", "加装电梯费用分摊谈不拢", "我们楼加装电梯，一楼二楼住户不同意分摊费用，社区协调也没结果，希望住建局出台分摊指导办法。", 6.0),
        ("城乡建设", "北苑社区", "北苑社区老楼想加装电梯不知道怎么申请", "北苑社区的六层老楼想加装电梯，不知道向哪个部门申请，需要哪些材料，补贴标准是多少。", 8.0),
        ("城乡建设", "河滨社区", "老旧小区加装电梯补贴能否提高", "老旧小区加装电梯每部要六十多万，政府补贴太少，居民负担重，建议提高补贴标准。", 10.5),
        ("城乡建设", "河滨社区", "加装电梯审批手续繁琐", "加装电梯审批要跑规划、住建、消防好几个部门，手续繁琐，建议一窗受理加快审批。", 12.0),

        ("交通运输", "杏花村", "杏花村到县城的公交车太少", "杏花村到县城每天只有两班公交车，早上七点一班下午四点一班，学生和老人出行很不方便，希望增加班次。", 2.0),
        ("交通运输", "石桥村", "石桥村公交班次少等车时间长", "石桥村去县城的公交班次太少，经常要等一个多小时，希望增加公交班次或者开通定制公交。", 5.5),
        ("交通运输", "杏花村", "希望增加农村公交班次", "农村公交班次太少，杏花村老人去县医院看病只能搭别人的车，请交通局增加班次。", 9.0),
        ("交通运输", "柳林村", "柳林村至县城公交车能否加密", "柳林村至县城的公交车一天才三班，赶不上就只能打车，希望公交车加密班次。", 13.0),

        ("教育文体", "城关街道", "城关小学放学时校门口交通拥堵", "城关小学每天下午放学时，校门口接孩子的车辆乱停乱放，交通拥堵严重，存在安全隐患。", 4.0),
        ("教育文体", "城关街道", "小学门口接送孩子车辆拥堵", "城关小学门口接送孩子的车辆太多，放学时道路堵死，希望学校和交警错峰放学、设置临时停车区。", 7.0),
        ("教育文体", "新华街道", "校门口放学拥堵有安全隐患", "新华街道这所小学放学时校门口拥堵，孩子在车流里穿行，很危险，建议安排交通疏导。", 11.0),
        ("教育文体", "城关街道", "建议城关小学错峰放学缓解拥堵", "每天放学校门口都堵得水泄不通，建议城关小学分年级错峰放学，缓解拥堵。", 15.0),

        ("卫生计生", "南门社区", "南门社区卫生服务站没有儿科医生", "南门社区卫生服务站没有儿科医生，孩子发烧只能去县医院排长队，希望社区卫生站配备儿科医生。", 6.5),
        ("卫生计生", "西关社区", "社区卫生站看儿科太难", "西关社区卫生站看不了儿科，孩子有点小病也要跑县医院，建议社区卫生服务站开设儿科门诊。", 14.0),
        ("卫生计生", "南门社区", "希望社区卫生服务站增加儿科门诊", "带孩子看病太难了，希望南门社区卫生服务站增加儿科门诊，方便附近居民。", 20.0),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高"];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (await db.HotIssueGroups.AnyAsync(ct).ConfigureAwait(false) || await db.OpinionSupports.AnyAsync(ct).ConfigureAwait(false))
            return;
        var departments = await db.Departments.ToDictionaryAsync(d => d.Category, ct).ConfigureAwait(false);
        if (departments.Count == 0)
            return;

        var now = clock.GetUtcNow().UtcDateTime;
        var moderator = new ActorRef(null, "审核员 周敏");
        var random = new Random(508);
        var calendar = await deadlines.CalendarAsync(ct).ConfigureAwait(false);
        var added = new List<Opinion>();
        for (var i = 0; i < Messages.Length; i++)
        {
            var (category, area, title, body, daysAgo) = Messages[i];
            if (!departments.TryGetValue(category, out var department))
                continue;
            var t = now.AddDays(-daysAgo);
            var phone = $"139{random.Next(10_000_000, 99_999_999)}";
            var name = Surnames[i % Surnames.Length] + (i % 2 == 0 ? "女士" : "先生");
            var opinion = Opinion.Submit(new OpinionSubmission(OpinionKind.Complaint, OpinionChannel.OpinionBox, title, body, area, name, phone, false, true),
                TrackingCodes.New(), ActorRef.Resident, t);
            opinion.Register(moderator, t = t.AddHours(2));
            opinion.AssignTo(department, deadlines.DeadlineFor(calendar, DeadlinePolicy.DaysFor(department, opinion.Kind), t = t.AddHours(1)), moderator, t);
            if (daysAgo > 8)
            {
                var handler = new ActorRef(null, department.Name + "承办人");
                opinion.Accept(handler, t = t.AddHours(5));
                opinion.Complete(new HandlingResultDraft("现场调查，研究解决办法", "您反映的问题已收悉，我们已会同有关单位现场调查，并制定了改进方案，将在近期落实。感谢您的关注。",
                    Adoption.Adopted, null, "分管副局长 刘伟"), handler, t = t.AddDays(3));
                opinion.Publish(opinion.Title, opinion.Body, "您反映的问题已收悉，我们已会同有关单位现场调查，并制定了改进方案，将在近期落实。感谢您的关注。", moderator, t.AddDays(1));
            }

            added.Add(opinion);
        }

        db.Opinions.AddRange(added);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);

        // Supports from residents' devices on the published ones (also on the main demo's published opinions).
        var published = await db.Opinions.Where(o => o.Status == OpinionStatus.Published && o.ConsentToPublish)
            .OrderByDescending(o => o.PublishedAt).Select(o => new { o.Id, o.PublishedAt }).Take(40).ToListAsync(ct).ConfigureAwait(false);
        foreach (var opinion in published)
        {
            var count = added.Any(a => a.Id == opinion.Id) ? random.Next(8, 40) : random.Next(0, 6);
            for (var k = 0; k < count; k++)
            {
                var at = Min(now, opinion.PublishedAt!.Value.AddHours(random.Next(1, 24 * 6)));
                db.OpinionSupports.Add(OpinionSupport.Create(opinion.Id, DeviceTokens.Hash(DeviceTokens.New()), DeviceTokens.Hash($"demo|{random.Next(1, 60)}"), at));
            }
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await grouping.GroupPendingAsync(ct).ConfigureAwait(false);

        // The school-gate congestion has been dealt with: a leader marked it handled.
        var school = await db.HotIssueGroups.Where(g => g.Title.Contains("放学") || g.Title.Contains("校门口"))
            .OrderByDescending(g => g.Members.Count).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (school is not null)
        {
            school.MarkHandled("已协调交警大队和城关小学实行分年级错峰放学，并在校门口设置临时停车区，由志愿者疏导交通。", new ActorRef(null, "县委副书记 陈建国"), now.AddDays(-1));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        LogSeeded(logger, added.Count);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo hot issues: {Opinions} opinions added and grouped")]
    private static partial void LogSeeded(ILogger logger, int opinions);
}
