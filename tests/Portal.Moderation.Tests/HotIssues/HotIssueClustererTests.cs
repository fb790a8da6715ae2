using Portal.Moderation.HotIssues;

namespace Portal.Moderation.Tests.HotIssues;

public sealed class HotIssueClustererTests
{
    private readonly HotIssueClusterer _clusterer = new(new HotIssueOptions());

    [Fact]
    public void Plan_OnTheFixture_FindsOneGroupPerTopic_AndLeavesUnrelatedMessagesAlone()
    {
        var plan = _clusterer.Plan([], HotIssueFixture.Documents());

        var clusters = plan.Placements.GroupBy(p => p.NewCluster!.Value).Select(g => g.Select(p => p.OpinionId).ToList()).ToList();
        var report = string.Join(" | ", clusters.Select(c => string.Join(",", c.Select(id => $"{id}:{HotIssueFixture.TopicOf(id) ?? "-"}"))));
        foreach (var topic in HotIssueFixture.Messages.Select(m => m.Topic).OfType<string>().Distinct())
        {
            var holding = clusters.Where(c => c.Any(id => HotIssueFixture.TopicOf(id) == topic)).ToList();
            Assert.True(holding.Count == 1, $"topic {topic} is spread over {holding.Count} groups: {report}");
            Assert.True(holding[0].All(id => HotIssueFixture.TopicOf(id) == topic), $"topic {topic} is mixed with others: {report}");
        }

        Assert.Equal(6 + 5, clusters.Count);
    }

    [Fact]
    public void Plan_GivesEachNewGroupTheTitleOfItsMostCentralMessage()
    {
        var plan = _clusterer.Plan([], HotIssueFixture.Documents());

        var lampCluster = plan.Placements.First(p => p.OpinionId == 1).NewCluster!.Value;
        var title = plan.NewTitles[lampCluster];
        Assert.Contains(title, HotIssueFixture.Messages.Where(m => m.Topic == "路灯").Select(m => m.Title));
        Assert.Contains("路灯", title, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_AddsANewMessageToTheMatchingExistingGroup()
    {
        var documents = HotIssueFixture.Documents();
        var seed = new GroupSeed(42, documents.Where(d => HotIssueFixture.TopicOf(d.OpinionId) == "噪音").ToList());
        var fresh = new GroupingDocument(100, "公园广场舞太吵", "晚上人民公园广场舞的音响噪音太大，希望有关部门管管。", "河滨社区", HotIssueFixture.Start.AddDays(21));
        var unrelated = new GroupingDocument(101, "申请低保需要什么材料", "家里老人生病失去劳动能力，想申请低保，需要准备什么材料？", "柳林村", HotIssueFixture.Start.AddDays(21));

        var plan = _clusterer.Plan([seed], [fresh, unrelated]);

        Assert.Equal(42, plan.Placements.Single(p => p.OpinionId == 100).GroupId);
        Assert.Null(plan.Placements.Single(p => p.OpinionId == 101).GroupId);
        Assert.Contains(42, plan.Titles.Keys);
    }

    [Fact]
    public void Plan_DoesNotAddToAGroupWhoseLatestMessageIsOutsideTheWindow()
    {
        var documents = HotIssueFixture.Documents();
        var seed = new GroupSeed(7, documents.Where(d => HotIssueFixture.TopicOf(d.OpinionId) == "路灯").ToList());
        var lastAt = seed.Members.Max(m => m.At);
        var late = new GroupingDocument(200, "幸福小区路灯又不亮了", "幸福小区的路灯又坏了，晚上一片漆黑，请尽快维修。", "幸福小区", lastAt.AddDays(31));

        var plan = _clusterer.Plan([seed], [late]);

        Assert.Null(plan.Placements.Single().GroupId);
        Assert.Equal(0, plan.Placements.Single().NewCluster);
    }
}
