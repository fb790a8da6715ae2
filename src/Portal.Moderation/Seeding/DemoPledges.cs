using Portal.Data.Opinions;
using Portal.Data.Pledges;
using Portal.Moderation.Opinions;
using Portal.Moderation.Pledges;

namespace Portal.Moderation.Seeding;

/// <summary>
/// Demo pledges (承诺践诺) of two party branches of the fictional 清河县 over the last two years, in every
/// state, with progress and public ratings. Texts written for this project. Built through the real transitions.
/// </summary>
internal static class DemoPledges
{
    public const string CommunityBranch = "城关镇城东社区党支部";
    public const string HealthBranch = "县卫生健康局机关党支部";

    public static List<Pledge> Build(DeadlinePolicy time, DateTime nowUtc, ActorRef secretary, ActorRef leader)
    {
        var today = DateOnly.FromDateTime(time.ToLocal(nowUtc));
        var year = today.Year;
        var last = year - 1;
        DateTime At(DateOnly day, int hour = 10) => time.ToUtc(day.ToDateTime(new TimeOnly(hour, 0)));
        DateOnly Day(int y, int month, int d) => new(y, month, d);
        var devices = 0;
        void Rate(Pledge p, DateTime at, params (SatisfactionRating Rating, string? Comment)[] ratings)
        {
            foreach (var (rating, comment) in ratings)
                p.Rate(rating, comment, DeviceTokens.Hash($"demo-device-{++devices}"), at);
        }

        Pledge New(string owner, string branch, PledgeKind kind, int y, string title, string content, string? area, DateOnly due, DateTime created) =>
            Pledge.Propose(new PledgeDraft(owner, branch, kind, y, title, content, area, due), secretary, created);

        var pledges = new List<Pledge>();

        // Last year: fulfilled early; graded 优秀 when last year's round closes (PledgeEvaluationDemoSeeder).
        var alarms = New("王秀英", CommunityBranch, PledgeKind.Annual, last, "为辖区独居老人安装紧急呼叫器",
            "年内为城东社区 30 户独居、空巢老人免费安装一键紧急呼叫器，并联系网格员定期检查设备。", "城东社区", Day(last, 10, 31), At(Day(last, 2, 20)));
        alarms.Publish(secretary, At(Day(last, 2, 25)));
        alarms.AddProgress(Day(last, 4, 18), "完成首批 12 户安装，网格员逐户演示使用方法。", secretary, At(Day(last, 4, 18), 17));
        alarms.AddProgress(Day(last, 8, 9), "第二批 18 户安装完毕，一户老人夜间突发不适，呼叫后 10 分钟内送医。", secretary, At(Day(last, 8, 9), 17));
        alarms.MarkFulfilled("30 户全部安装到位，建立每月巡检台账。", secretary, At(Day(last, 9, 30)));
        Rate(alarms, At(Day(last, 10, 8)), (SatisfactionRating.Satisfied, "装上以后子女在外地也放心了。"), (SatisfactionRating.Satisfied, null),
            (SatisfactionRating.Satisfied, null), (SatisfactionRating.BasicallySatisfied, "希望再多覆盖几户。"));
        pledges.Add(alarms);

        // Last year: overdue; graded 基本合格 when last year's round closes.
        var clinics = New("李志刚", HealthBranch, PledgeKind.Annual, last, "每月一次下乡义诊",
            "组织局属医院党员医生每月到一个偏远村开展义诊，全年覆盖 12 个村。", "河西片区", Day(last, 11, 30), At(Day(last, 1, 25)));
        clinics.Publish(secretary, At(Day(last, 2, 1)));
        clinics.AddProgress(Day(last, 6, 15), "上半年已到 6 个村义诊，服务群众 800 余人次。", secretary, At(Day(last, 6, 15), 16));
        clinics.MarkOverdue(Day(last, 12, 1), At(Day(last, 12, 1), 1));
        clinics.AddProgress(Day(last, 12, 12), "补上 2 个村，受流感季影响仍有 1 个村未去。", secretary, At(Day(last, 12, 12), 16));
        Rate(clinics, At(Day(last, 12, 15)), (SatisfactionRating.Satisfied, "医生很耐心。"), (SatisfactionRating.BasicallySatisfied, null),
            (SatisfactionRating.Dissatisfied, "我们村一直没等到。"));
        pledges.Add(clinics);

        // Last year: an immediate pledge, fulfilled; graded when last year's round closes.
        var water = New("张丽", HealthBranch, PledgeKind.Immediate, last, "汛期农村饮用水消毒巡查",
            "汛期期间每周到沿河 5 个村抽检饮用水，发现问题当天指导消毒。", "沿河各村", Day(last, 8, 31), At(Day(last, 6, 20)));
        water.Publish(secretary, At(Day(last, 6, 21)));
        water.AddProgress(Day(last, 7, 20), "完成 4 轮抽检，指导 2 个村重新投放消毒剂。", secretary, At(Day(last, 7, 20), 18));
        water.MarkFulfilled("汛期结束，抽检 40 份水样全部合格。", secretary, At(Day(last, 8, 30)));
        Rate(water, At(Day(last, 9, 5)), (SatisfactionRating.Satisfied, null), (SatisfactionRating.Satisfied, "水喝着放心。"));
        pledges.Add(water);

        // This year: published with progress, due at the end of the year.
        var lifts = New("王秀英", CommunityBranch, PledgeKind.Annual, year, "推动老旧小区加装电梯",
            "协调住建部门和居民，年内推动城东社区至少 3 个单元启动加装电梯。", "城东社区", Day(year, 12, 31), nowUtc.AddDays(-40));
        lifts.Publish(secretary, nowUtc.AddDays(-39));
        lifts.AddProgress(today.AddDays(-20), "召开 3 场楼栋协商会，2 个单元达成一致意见。", secretary, nowUtc.AddDays(-20));
        Rate(lifts, nowUtc.AddDays(-10), (SatisfactionRating.BasicallySatisfied, "进度可以再快些。"), (SatisfactionRating.Satisfied, null));
        pledges.Add(lifts);

        // This year: published and due within a week (due soon).
        var lanes = New("赵磊", CommunityBranch, PledgeKind.Immediate, year, "清理背街小巷积存垃圾",
            "组织党员志愿者清理城东社区 6 条背街小巷的积存垃圾，并设置分类投放点。", "城东社区", today.AddDays(7), nowUtc.AddDays(-14));
        lanes.Publish(secretary, nowUtc.AddDays(-13));
        lanes.AddProgress(today.AddDays(-3), "已清理 4 条小巷，清运垃圾约 6 吨。", secretary, nowUtc.AddDays(-3));
        pledges.Add(lanes);

        // This year: past due without fulfilment (overdue).
        var medicines = New("李志刚", HealthBranch, PledgeKind.Immediate, today.AddDays(-10).Year, "为村卫生室配齐常用药",
            "摸排全县村卫生室常用药缺口，一个月内协调配齐降压、降糖等慢病用药。", "全县", today.AddDays(-10), nowUtc.AddDays(-60));
        medicines.Publish(secretary, nowUtc.AddDays(-59));
        medicines.AddProgress(today.AddDays(-30), "完成摸排，38 个村卫生室中 9 个存在缺药。", secretary, nowUtc.AddDays(-30));
        medicines.MarkOverdue(today, nowUtc.AddHours(-1));
        Rate(medicines, nowUtc.AddHours(-1), (SatisfactionRating.Dissatisfied, "还是买不到降压药。"), (SatisfactionRating.BasicallySatisfied, null));
        pledges.Add(medicines);

        // This year: fulfilled.
        var classes = New("刘芳", CommunityBranch, PledgeKind.Annual, year, "开设“四点半课堂”",
            "利用社区活动室，为双职工家庭孩子提供放学后看护和作业辅导。", "城东社区", Day(year, 12, 31), nowUtc.AddDays(-90));
        classes.Publish(secretary, nowUtc.AddDays(-89));
        classes.AddProgress(today.AddDays(-60), "招募 8 名党员和退休教师志愿者，课堂正式开课。", secretary, nowUtc.AddDays(-60));
        classes.MarkFulfilled("课堂常态化运行，每天服务 25 名左右学生。", secretary, nowUtc.AddDays(-5));
        Rate(classes, nowUtc.AddDays(-2), (SatisfactionRating.Satisfied, "孩子放学有地方去了。"), (SatisfactionRating.Satisfied, null), (SatisfactionRating.Satisfied, null));
        pledges.Add(classes);

        // This year: only proposed, not yet public.
        pledges.Add(New("张丽", HealthBranch, PledgeKind.Annual, year, "家庭医生签约随访全覆盖",
            "督促辖区家庭医生团队对签约的高血压、糖尿病患者每季度至少随访一次。", "全县", Day(year, 12, 31), nowUtc.AddDays(-1)));
        return pledges;
    }
}
