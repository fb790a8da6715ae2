using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.HotIssues;
using Portal.Data.Opinions;
using Portal.Data.Pledges;
using Portal.Moderation.Pledges;

namespace Portal.Bench.Data;

/// <summary>
/// Pledges of 24 party branches over this year and the last two, through the real transitions: published, with
/// progress notes, fulfilled (most), overdue (some) or still open, and public ratings from residents' devices.
/// </summary>
internal sealed class PledgeGenerator(int seed = 20261207)
{
    private const int PledgesPerBranchAndYear = 8;

    private static readonly string[] Places = ["城关镇", "清河镇", "石桥镇", "白塔镇", "龙泉镇", "王庄乡"];
    private static readonly string[] Units = ["第一社区党支部", "第二社区党支部", "机关党支部", "卫生院党支部"];
    private static readonly string[] Owners = ["王秀英", "李志刚", "张丽", "赵磊", "刘芳", "陈建华", "杨帆", "周敏", "吴强", "孙丽华"];
    private static readonly (string Title, string Content)[] Topics =
    [
        ("为独居老人安装紧急呼叫器", "为辖区独居、空巢老人免费安装一键紧急呼叫器，并由网格员定期检查设备。"),
        ("推动老旧小区加装电梯", "协调住建部门和居民，年内推动至少 3 个单元启动加装电梯。"),
        ("清理背街小巷积存垃圾", "组织党员志愿者清理背街小巷的积存垃圾，并设置分类投放点。"),
        ("开设“四点半课堂”", "利用活动室为双职工家庭孩子提供放学后看护和作业辅导。"),
        ("每月一次下乡义诊", "组织党员医生每月到一个偏远村开展义诊。"),
        ("修复村道路灯", "排查辖区村道路灯，三个月内修复损坏路灯并建立巡查台账。"),
    ];

    private readonly Random _random = new(seed);

    /// <summary>Inserts the pledges and returns how many.</summary>
    public async Task<int> GenerateAsync(IDbContextFactory<PortalDbContext> dbFactory, DateTime utcNow, CancellationToken ct)
    {
        var secretary = new ActorRef(null, "支部书记");
        var today = DateOnly.FromDateTime(utcNow.AddHours(8));
        var pledges = new List<Pledge>();
        var devices = 0;
        foreach (var place in Places)
        {
            foreach (var unit in Units)
            {
                for (var year = today.Year - 2; year <= today.Year; year++)
                {
                    for (var i = 0; i < PledgesPerBranchAndYear; i++)
                        pledges.Add(Build($"{place}{unit}", year, today, utcNow, secretary, ref devices));
                }
            }
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        db.Pledges.AddRange(pledges);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return pledges.Count;
    }

    private Pledge Build(string branch, int year, DateOnly today, DateTime utcNow, ActorRef secretary, ref int devices)
    {
        var (title, content) = Topics[_random.Next(Topics.Length)];
        var kind = _random.NextDouble() < 0.6 ? PledgeKind.Annual : PledgeKind.Immediate;
        var proposed = new DateOnly(year, 1, 10).AddDays(_random.Next(0, 300));
        if (proposed > today)
            proposed = today.AddDays(-_random.Next(1, 30));
        var due = kind == PledgeKind.Annual ? new DateOnly(year, 12, 31) : proposed.AddDays(30 + _random.Next(0, 60));
        DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        var pledge = Pledge.Propose(new PledgeDraft(Owners[_random.Next(Owners.Length)], branch, kind, year, title, content, branch[..3], due), secretary, At(proposed));
        if (_random.NextDouble() < 0.05)
            return pledge; // still only proposed
        pledge.Publish(secretary, At(proposed.AddDays(2)));
        var progress = proposed.AddDays(20);
        if (progress < today)
            pledge.AddProgress(progress, "已召开党员大会部署，分工到人，首批事项已落实。", secretary, At(progress));
        var done = proposed.AddDays(40 + _random.Next(0, 200));
        if (done < today && done <= due && _random.NextDouble() < 0.85)
            pledge.MarkFulfilled("承诺事项已全部完成，群众反映良好。", secretary, At(done));
        else if (due < today)
            pledge.MarkOverdue(due.AddDays(1), At(due.AddDays(1)));

        var ratings = _random.Next(0, 12);
        for (var r = 0; r < ratings; r++)
        {
            var roll = _random.NextDouble();
            var rating = roll < 0.7 ? SatisfactionRating.Satisfied : roll < 0.9 ? SatisfactionRating.BasicallySatisfied : SatisfactionRating.Dissatisfied;
            var at = At(proposed.AddDays(5 + _random.Next(0, 60)));
            pledge.Rate(rating, null, DeviceTokens.Hash($"bench-device-{++devices}"), at < utcNow ? at : utcNow);
        }

        return pledge;
    }
}

/// <summary>Supports (附议) from residents' devices on a fifth of the published opinions of the last six months.</summary>
internal static class SupportGenerator
{
    public static async Task<int> GenerateAsync(IDbContextFactory<PortalDbContext> dbFactory, DateTime utcNow, CancellationToken ct)
    {
        var random = new Random(20261208);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var since = utcNow.AddMonths(-6);
        var published = await db.Opinions.AsNoTracking()
            .Where(o => o.Status == OpinionStatus.Published && o.ConsentToPublish && o.PublishedAt > since)
            .Select(o => new { o.Id, o.PublishedAt }).ToListAsync(ct).ConfigureAwait(false);
        var count = 0;
        foreach (var opinion in published.Where(_ => random.NextDouble() < 0.2))
        {
            for (var k = random.Next(1, 30); k > 0; k--, count++)
            {
                var at = opinion.PublishedAt!.Value.AddHours(random.Next(1, 24 * 10));
                db.OpinionSupports.Add(OpinionSupport.Create(opinion.Id, DeviceTokens.Hash($"bench-support-{count}"),
                    DeviceTokens.Hash($"bench-ip-{random.Next(1, 5000)}"), at < utcNow ? at : utcNow));
            }
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return count;
    }
}
