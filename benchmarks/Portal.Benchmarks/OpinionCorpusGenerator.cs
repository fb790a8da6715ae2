using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Departments;
using Portal.Data.Opinions;

namespace Portal.Benchmarks;

/// <summary>
/// Fills a separate SQLite file with realistic templated opinions — topics per department, areas, residents
/// (some write more than once), times spread over a span with weekly rhythm — for benchmarks of anything
/// that reads many opinions (hot issues, dashboards, imports). Deterministic for a given seed.
/// Opinions are registered and assigned (about 60% also published), through the entity's own transitions.
/// </summary>
public sealed class OpinionCorpusGenerator(int seed = 20261123)
{
    private static readonly string[] Areas =
    [
        "城关街道", "新华街道", "东关社区", "西关社区", "南门社区", "北苑社区", "河滨社区", "红旗社区", "幸福小区", "工业园区",
        "杏花村", "石桥村", "柳林村", "王庄村", "马家湾村", "柳树湾村", "李家庄", "白塔镇", "清河镇", "东风乡",
    ];

    private static readonly string[] Facilities = ["3号楼", "东门", "主干道", "小学门口", "菜市场旁", "公园北侧", "卫生院附近", "村委会前", "老街", "新建小区"];

    /// <summary>(department category, department name, title templates, body templates). {a} area, {f} facility, {n} a number.</summary>
    private static readonly (string Category, string Department, string[] Titles, string[] Bodies)[] Topics =
    [
        ("城乡建设", "县住房和城乡建设局", ["{a}路灯不亮", "{a}{f}路灯坏了没人修", "请维修{a}的路灯"], ["{a}{f}的路灯已经坏了{n}天，晚上一片漆黑，老人出行很危险，希望尽快维修。", "{a}好几盏路灯不亮，晚上回家看不清路，请有关部门来修一下路灯。"]),
        ("城乡建设", "县住房和城乡建设局", ["{a}老旧小区加装电梯", "加装电梯审批太慢", "{a}加装电梯费用分摊"], ["{a}的老楼想加装电梯，申请交上去{n}个月还没有下文，希望加快审批。", "加装电梯一楼住户不同意分摊费用，{a}协调不下来，希望出台分摊办法。"]),
        ("城乡建设", "县住房和城乡建设局", ["{a}物业收费不公示", "{a}物业服务差"], ["{a}物业每年收物业费，收支从不公示，楼道灯坏了{n}天没人修。", "{a}的物业公司服务越来越差，垃圾清运不及时，门禁坏了没人管。"]),
        ("环境保护", "市生态环境局清河分局", ["{a}化工厂夜间异味", "{a}晚上刺鼻气味", "请查处{a}偷排废气"], ["{a}每天晚上都有刺鼻的化学气味，已经持续{n}天，孩子咳嗽不止，怀疑工厂偷排废气。", "住在{a}附近，夜里总闻到很重的异味，门窗关紧了也能闻到，请环保部门检查。"]),
        ("环境保护", "市生态环境局清河分局", ["{a}广场舞噪音扰民", "{a}晚上音响太吵"], ["{a}{f}每天晚上广场舞音响开得很大，噪音扰民，{n}点以后还不停。", "{a}的广场舞噪音太大，周边居民休息受到影响，希望限制音量和时间。"]),
        ("环境保护", "市生态环境局清河分局", ["{a}河道发黑发臭", "{a}河里有人倒垃圾"], ["{a}附近的河道最近发黑发臭，夏天气味很大，还有人往河里倒垃圾。", "{a}河边堆满垃圾，河水发臭已经{n}天了，请尽快清理整治。"]),
        ("交通运输", "县交通运输局", ["{a}到县城公交班次太少", "希望增加{a}公交班次"], ["{a}到县城每天只有{n}班公交车，老人看病学生上学都不方便，希望增加班次。", "{a}去县城的公交等车要一个多小时，希望增加班次或者开通定制公交。"]),
        ("交通运输", "县交通运输局", ["{a}道路坑洼不平", "{a}{f}路面破损"], ["{a}{f}的路面坑坑洼洼，下雨天全是积水，电动车经常摔倒，请修补道路。", "{a}道路破损{n}个月了没人修，车辆通行很危险。"]),
        ("教育文体", "县教育体育局", ["{a}学校门口放学拥堵", "{a}小学接送车辆乱停"], ["{a}小学放学时校门口接孩子的车乱停乱放，交通拥堵，存在安全隐患。", "每天放学{a}校门口都堵得水泄不通，建议错峰放学、设置临时停车区。"]),
        ("教育文体", "县教育体育局", ["{a}学区划分不合理", "孩子上学划片问题"], ["{a}今年学区划分调整，孩子要到{n}公里外上学，希望就近入学。", "{a}的学区划片不合理，离家近的学校上不了，请教育局解释划片依据。"]),
        ("劳动和社会保障", "县人力资源和社会保障局", ["{a}工地拖欠农民工工资", "讨要工资无门"], ["我们在{a}的工地干了{n}个月，包工头一直拖欠工资，请劳动监察帮忙讨薪。", "{a}一家企业拖欠工人工资半年，多次讨要没有结果，希望依法处理。"]),
        ("劳动和社会保障", "县人力资源和社会保障局", ["异地就医备案太麻烦", "医保报销手续繁琐"], ["在外地住院要办异地就医备案，跑了{n}趟都没办成，希望能在手机上办理。", "医保报销要的材料太多，来回跑很麻烦，希望简化手续、网上办理。"]),
        ("商贸旅游", "县商务和文化旅游局", ["{a}菜市场占道经营", "{a}早市堵路"], ["{a}菜市场门口每天早上摆满小摊，占道经营，车和人都过不去。", "{a}早市占用道路，早高峰堵得厉害，希望规范摊位。"]),
        ("卫生计生", "县卫生健康局", ["{a}卫生站没有儿科", "希望社区卫生站开设儿科"], ["{a}卫生服务站没有儿科医生，孩子发烧只能去县医院排长队。", "{a}带孩子看病太难，希望社区卫生站开设儿科门诊，方便居民。"]),
        ("卫生计生", "县卫生健康局", ["{a}自来水发黄", "{a}水质有问题"], ["{a}这几天自来水发黄，烧开后有沉淀，不敢给孩子喝，请检查水质。", "{a}自来水有异味还浑浊，已经{n}天了，希望尽快处理。"]),
    ];

    /// <summary>Creates the database at <paramref name="path"/> (replacing it) and fills it. Returns the departments created.</summary>
    public async Task<int> GenerateAsync(string path, int count, DateTime fromUtc, DateTime toUtc, Action<int>? progress = null, CancellationToken ct = default)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(path + suffix);
        var options = Options(path);
        await using (var db = new PortalDbContext(options))
            await db.Database.MigrateAsync(ct).ConfigureAwait(false);

        Dictionary<string, Department> departments;
        await using (var db = new PortalDbContext(options))
        {
            foreach (var name in Topics.Select(t => (t.Category, t.Department)).Distinct())
                db.Departments.Add(new Department { Code = $"d{db.ChangeTracker.Entries().Count()}", Category = name.Category, Name = name.Department, DefaultDeadlineDays = 15 });
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Name, ct).ConfigureAwait(false);
        }

        var random = new Random(seed);
        var span = (toUtc - fromUtc).TotalSeconds;
        var times = Enumerable.Range(0, count).Select(_ => fromUtc.AddSeconds(random.NextDouble() * span)).Order().ToList();
        var moderator = new ActorRef("bench-moderator", "审核员");
        const int batch = 5000;
        for (var start = 0; start < count; start += batch)
        {
            await using var db = new PortalDbContext(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var d in departments.Values)
                db.Attach(d);
            for (var i = start; i < Math.Min(count, start + batch); i++)
                db.Opinions.Add(Build(random, times[i], departments, moderator));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            progress?.Invoke(Math.Min(count, start + batch));
        }

        return departments.Count;
    }

    /// <summary>One more opinion of a random topic at <paramref name="at"/>, stored; returns its id.</summary>
    public async Task<int> AddOneAsync(string path, DateTime at, CancellationToken ct = default)
    {
        await using var db = new PortalDbContext(Options(path));
        var departments = await db.Departments.ToDictionaryAsync(d => d.Name, ct).ConfigureAwait(false);
        var opinion = Build(new Random(seed ^ at.GetHashCode()), at, departments, new ActorRef("bench-moderator", "审核员"));
        db.Opinions.Add(opinion);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return opinion.Id;
    }

    public static DbContextOptions<PortalDbContext> Options(string path) =>
        new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={path};Pooling=True").Options;

    private static Opinion Build(Random random, DateTime at, Dictionary<string, Department> departments, ActorRef moderator)
    {
        var topic = Topics[random.Next(Topics.Length)];
        // Topics concentrate in a few areas, as real complaints do.
        var area = random.NextDouble() < 0.6 ? Areas[(Array.IndexOf(Topics, topic) * 3 + random.Next(3)) % Areas.Length] : Areas[random.Next(Areas.Length)];
        string Fill(string template) => template.Replace("{a}", area, StringComparison.Ordinal)
            .Replace("{f}", Facilities[random.Next(Facilities.Length)], StringComparison.Ordinal)
            .Replace("{n}", random.Next(2, 30).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var title = Fill(topic.Titles[random.Next(topic.Titles.Length)]);
        var body = Fill(topic.Bodies[random.Next(topic.Bodies.Length)]);
        var contact = random.NextDouble() < 0.8 ? $"13{random.Next(0, 40_000):00000}{random.Next(1000, 9999)}" : null;
        var opinion = Opinion.Submit(new OpinionSubmission(OpinionKind.Complaint, OpinionChannel.OpinionBox, title, body, area, "居民", contact, false, true),
            Portal.Data.Opinions.TrackingCodes.New(), ActorRef.Resident, at);
        opinion.Register(moderator, at.AddMinutes(30));
        var department = departments[topic.Department];
        opinion.AssignTo(department, at.AddDays(15), moderator, at.AddHours(1));
        return opinion;
    }
}
