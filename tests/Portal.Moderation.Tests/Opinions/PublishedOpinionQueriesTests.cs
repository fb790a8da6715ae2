using Portal.Data.Opinions;
using Portal.Moderation.Opinions;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Opinions;

/// <summary>The public list and detail of published opinions (采纳处理情况公示): <see cref="OpinionQueries.GetPublishedAsync"/> and <see cref="OpinionQueries.GetPublishedDetailAsync"/>.</summary>
public sealed class PublishedOpinionQueriesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = WorkflowHarness.Start;

    private WorkflowHarness _h = null!;

    public async Task InitializeAsync() => _h = await WorkflowHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task GetPublishedAsync_ListsOnlyPublishedOpinionsWhoseResidentConsented()
    {
        var published = await _h.OpinionInAsync(OpinionStatus.Published);
        var withoutConsent = WorkflowHarness.Input("不同意公开的意见");
        withoutConsent.ConsentToPublish = false;
        await _h.OpinionInAsync(OpinionStatus.Published, input: withoutConsent);
        foreach (var status in new[] { OpinionStatus.Submitted, OpinionStatus.Registered, OpinionStatus.Assigned, OpinionStatus.InProgress, OpinionStatus.Completed, OpinionStatus.Rejected })
            await _h.OpinionInAsync(status);
        var duplicate = (await _h.SubmitAsync()).OpinionId;
        await _h.MergeAsync(duplicate, published);

        var result = await _h.Queries.GetPublishedAsync(new PublishedFilter());

        var item = Assert.Single(result.Items);
        Assert.Equal(published, item.Id);
        Assert.Equal(1, result.Total);
        Assert.Equal("小区路灯不亮", item.Title);
        Assert.Equal(OpinionKind.Suggestion, item.Kind);
        Assert.Equal("幸福小区", item.Area);
        Assert.Equal("住建局", item.DepartmentName);
        Assert.Equal(Adoption.Adopted, item.Adoption);
        Assert.Equal(Start.UtcDateTime, item.SubmittedAt);
        Assert.Equal(Start.UtcDateTime, item.PublishedAt);
    }

    [Fact]
    public async Task GetPublishedAsync_ShowsThePublicTitle_NotTheOriginal()
    {
        var id = (await _h.SubmitAsync(WorkflowHarness.Input("李秀兰家门口路灯不亮"))).OpinionId;
        await _h.StartAsync(id, _h.UrbanId);
        await _h.CompleteAsync(id);
        await _h.PublishAsync(id, new PublicationDraft("幸福小区路灯问题", "某小区路灯坏了。", "已修复。"));

        var item = Assert.Single((await _h.Queries.GetPublishedAsync(new PublishedFilter())).Items);

        Assert.Equal("幸福小区路灯问题", item.Title);
    }

    [Fact]
    public async Task GetPublishedAsync_FilteredByDepartment_ListsOnlyThatDepartmentsOpinions()
    {
        var (a, b, c) = await ThreePublishedAsync();

        var urban = await _h.Queries.GetPublishedAsync(new PublishedFilter(DepartmentId: _h.UrbanId));
        var transport = await _h.Queries.GetPublishedAsync(new PublishedFilter(DepartmentId: _h.TransportId));
        var retired = await _h.Queries.GetPublishedAsync(new PublishedFilter(DepartmentId: _h.RetiredId));

        Assert.Equal([c, a], urban.Items.Select(i => i.Id));
        Assert.Equal(2, urban.Total);
        Assert.Equal([b], transport.Items.Select(i => i.Id));
        Assert.Empty(retired.Items);
        Assert.Equal(0, retired.Total);
    }

    [Fact]
    public async Task GetPublishedAsync_FilteredByKind_ListsOnlyThatKind()
    {
        var (_, b, c) = await ThreePublishedAsync();

        Assert.Equal([b], (await _h.Queries.GetPublishedAsync(new PublishedFilter(Kind: OpinionKind.Complaint))).Items.Select(i => i.Id));
        Assert.Equal([c], (await _h.Queries.GetPublishedAsync(new PublishedFilter(Kind: OpinionKind.Question))).Items.Select(i => i.Id));
        Assert.Empty((await _h.Queries.GetPublishedAsync(new PublishedFilter(Kind: OpinionKind.Praise))).Items);
    }

    [Fact]
    public async Task GetPublishedAsync_FilteredByAdoption_ListsOnlyThatAdoption()
    {
        var (a, b, c) = await ThreePublishedAsync();

        Assert.Equal([a], (await _h.Queries.GetPublishedAsync(new PublishedFilter(Adoption: Adoption.Adopted))).Items.Select(i => i.Id));
        Assert.Equal([b], (await _h.Queries.GetPublishedAsync(new PublishedFilter(Adoption: Adoption.PartlyAdopted))).Items.Select(i => i.Id));
        Assert.Equal([c], (await _h.Queries.GetPublishedAsync(new PublishedFilter(Adoption: Adoption.Explained))).Items.Select(i => i.Id));
        Assert.Empty((await _h.Queries.GetPublishedAsync(new PublishedFilter(Adoption: Adoption.NotAdopted))).Items);
    }

    [Fact]
    public async Task GetPublishedAsync_WithSeveralFilters_ListsOnlyOpinionsMatchingAll()
    {
        var (_, _, c) = await ThreePublishedAsync();

        var both = await _h.Queries.GetPublishedAsync(new PublishedFilter(DepartmentId: _h.UrbanId, Kind: OpinionKind.Question));
        var none = await _h.Queries.GetPublishedAsync(new PublishedFilter(DepartmentId: _h.TransportId, Kind: OpinionKind.Question));

        Assert.Equal([c], both.Items.Select(i => i.Id));
        Assert.Empty(none.Items);
    }

    [Fact]
    public async Task GetPublishedAsync_AfterAReopen_FiltersByTheAdoptionOfTheCurrentRound()
    {
        var reopened = await _h.OpinionInAsync(OpinionStatus.Published, adoption: Adoption.Adopted);
        var adopted = await _h.OpinionInAsync(OpinionStatus.Published, adoption: Adoption.Adopted);
        _h.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(RatingOutcome.Reopened, await _h.RateAsync(reopened, SatisfactionRating.Dissatisfied));

        var whileReopened = await _h.Queries.GetPublishedAsync(new PublishedFilter());
        _h.Clock.Advance(TimeSpan.FromDays(3));
        await _h.CompleteAsync(reopened, WorkflowHarness.Draft(Adoption.NotAdopted, "经再次论证，暂不具备实施条件。"));
        await _h.PublishAsync(reopened);

        Assert.Equal([adopted], whileReopened.Items.Select(i => i.Id));
        Assert.Equal([adopted], (await _h.Queries.GetPublishedAsync(new PublishedFilter(Adoption: Adoption.Adopted))).Items.Select(i => i.Id));
        Assert.Equal([reopened], (await _h.Queries.GetPublishedAsync(new PublishedFilter(Adoption: Adoption.NotAdopted))).Items.Select(i => i.Id));
        var all = await _h.Queries.GetPublishedAsync(new PublishedFilter());
        Assert.Equal(Adoption.NotAdopted, all.Items.Single(i => i.Id == reopened).Adoption);
        Assert.Equal(Adoption.Adopted, all.Items.Single(i => i.Id == adopted).Adoption);
    }

    [Fact]
    public async Task GetPublishedAsync_FilteredByMonth_UsesBeijingTime()
    {
        // 2026-02-28 23:59:59 Beijing: February.
        var february = await PublishedAtAsync(new DateTimeOffset(2026, 2, 28, 15, 59, 59, TimeSpan.Zero));
        // 2026-03-01 00:00 Beijing (still 28 February in UTC): March.
        var firstOfMarch = await PublishedAtAsync(new DateTimeOffset(2026, 2, 28, 16, 0, 0, TimeSpan.Zero));
        // 2026-03-31 23:30 Beijing: March.
        var lastOfMarch = await PublishedAtAsync(new DateTimeOffset(2026, 3, 31, 15, 30, 0, TimeSpan.Zero));
        // 2026-04-01 00:30 Beijing (still 31 March in UTC): April.
        var april = await PublishedAtAsync(new DateTimeOffset(2026, 3, 31, 16, 30, 0, TimeSpan.Zero));

        var inMarch = await _h.Queries.GetPublishedAsync(new PublishedFilter(Month: "2026-03"));

        Assert.Equal([lastOfMarch, firstOfMarch], inMarch.Items.Select(i => i.Id));
        Assert.Equal(2, inMarch.Total);
        Assert.Equal([february], (await _h.Queries.GetPublishedAsync(new PublishedFilter(Month: "2026-02"))).Items.Select(i => i.Id));
        Assert.Equal([april], (await _h.Queries.GetPublishedAsync(new PublishedFilter(Month: "2026-04"))).Items.Select(i => i.Id));
        Assert.Empty((await _h.Queries.GetPublishedAsync(new PublishedFilter(Month: "2026-05"))).Items);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("March")]
    [InlineData("2026/03")]
    [InlineData("")]
    public async Task GetPublishedAsync_WithAMalformedMonth_IgnoresTheMonthFilter(string month)
    {
        await PublishedAtAsync(new DateTimeOffset(2026, 2, 10, 2, 0, 0, TimeSpan.Zero));
        await PublishedAtAsync(new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero));

        var result = await _h.Queries.GetPublishedAsync(new PublishedFilter(Month: month));

        Assert.Equal(2, result.Total);
    }

    [Theory]
    [InlineData("路灯")]          // public title
    [InlineData("3号楼前")]       // public body
    [InlineData("李某某")]        // the masked name in the public body
    [InlineData("138****5678")]   // the masked number in the public body
    [InlineData("  路灯\u200B ")] // cleaned before searching
    public async Task GetPublishedAsync_SearchesThePublicTitleAndBody(string search)
    {
        var (streetLight, _) = await TwoPublishedForSearchAsync();

        var result = await _h.Queries.GetPublishedAsync(new PublishedFilter(Search: search));

        Assert.Equal([streetLight], result.Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("李秀兰")]       // the resident's name: only in the unmasked body and the private name field
    [InlineData("13812345678")]  // the resident's number: only in the unmasked body and the private contact field
    [InlineData("路灯坏了两周，电话1381")] // the unmasked original body
    [InlineData("%")]            // a LIKE wildcard is searched for literally
    [InlineData("_")]
    public async Task GetPublishedAsync_DoesNotFindPrivateOrUnpublishedText(string search)
    {
        await TwoPublishedForSearchAsync();

        var result = await _h.Queries.GetPublishedAsync(new PublishedFilter(Search: search));

        Assert.Empty(result.Items);
        Assert.Equal(0, result.Total);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task GetPublishedAsync_WithABlankSearch_ListsEverything(string? search)
    {
        var (streetLight, busStop) = await TwoPublishedForSearchAsync();

        var result = await _h.Queries.GetPublishedAsync(new PublishedFilter(Search: search));

        Assert.Equal([busStop, streetLight], result.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task GetPublishedAsync_ALongSearch_IsCutToFiftyCharacters()
    {
        var body = "幸福小区三号楼前的路灯已经连续坏了两个星期，夜间出行很不方便，老人和孩子都曾在楼前摔倒，请有关部门尽快维修并定期巡查。";
        Assert.True(body.Length > 50);
        var id = (await _h.SubmitAsync()).OpinionId;
        await _h.StartAsync(id, _h.UrbanId);
        await _h.CompleteAsync(id);
        await _h.PublishAsync(id, new PublicationDraft("小区路灯不亮", body, "已修复。"));

        var result = await _h.Queries.GetPublishedAsync(new PublishedFilter(Search: body[..50] + "（以下文字不在公开内容里）"));

        Assert.Equal([id], result.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task GetPublishedAsync_Pages_ReportTotalAndPageCount()
    {
        var ids = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await _h.OpinionInAsync(OpinionStatus.Published));
            _h.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var newestFirst = ids.AsEnumerable().Reverse().ToList();

        var first = await _h.Queries.GetPublishedAsync(new PublishedFilter(Page: 1, PageSize: 5));
        var third = await _h.Queries.GetPublishedAsync(new PublishedFilter(Page: 3, PageSize: 5));
        var beyond = await _h.Queries.GetPublishedAsync(new PublishedFilter(Page: 4, PageSize: 5));

        Assert.Equal(newestFirst.Take(5), first.Items.Select(i => i.Id));
        Assert.Equal(12, first.Total);
        Assert.Equal(3, first.PageCount);
        Assert.Equal(1, first.Page);
        Assert.Equal(5, first.PageSize);
        Assert.Equal(newestFirst.Skip(10), third.Items.Select(i => i.Id));
        Assert.Empty(beyond.Items);
        Assert.Equal(12, beyond.Total);
        Assert.Equal(4, beyond.Page);
        Assert.Equal(3, beyond.PageCount);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(4, 5)]
    [InlineData(0, 5)]
    [InlineData(-10, 5)]
    [InlineData(7, 7)]
    [InlineData(50, 50)]
    [InlineData(51, 50)]
    [InlineData(int.MaxValue, 50)]
    public async Task GetPublishedAsync_PageSize_IsClampedBetweenFiveAndFifty(int requested, int expected)
    {
        for (var i = 0; i < 6; i++)
            await _h.OpinionInAsync(OpinionStatus.Published);

        var result = await _h.Queries.GetPublishedAsync(new PublishedFilter(PageSize: requested));

        Assert.Equal(expected, result.PageSize);
        Assert.Equal(Math.Min(expected, 6), result.Items.Count);
        Assert.Equal(6, result.Total);
        Assert.Equal(expected == 5 ? 2 : 1, result.PageCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task GetPublishedAsync_PageBelowOne_IsTheFirstPage(int page)
    {
        var id = await _h.OpinionInAsync(OpinionStatus.Published);

        var result = await _h.Queries.GetPublishedAsync(new PublishedFilter(Page: page));

        Assert.Equal(1, result.Page);
        Assert.Equal([id], result.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task GetPublishedAsync_WithNothingPublished_HasOneEmptyPage()
    {
        await _h.OpinionInAsync(OpinionStatus.Completed);

        var result = await _h.Queries.GetPublishedAsync(new PublishedFilter());

        Assert.Empty(result.Items);
        Assert.Equal(0, result.Total);
        Assert.Equal(1, result.PageCount);
    }

    [Fact]
    public async Task GetPublishedAsync_ListsTheMostRecentlyPublishedFirst()
    {
        var a = await CompletedAsync();
        var b = await CompletedAsync();
        var c = await CompletedAsync();
        _h.Clock.Advance(TimeSpan.FromHours(1));
        await _h.PublishAsync(a);
        _h.Clock.Advance(TimeSpan.FromHours(1));
        await _h.PublishAsync(c);
        _h.Clock.Advance(TimeSpan.FromHours(1));
        await _h.PublishAsync(b);
        var sameMomentLow = await CompletedAsync();
        var sameMomentHigh = await CompletedAsync();
        _h.Clock.Advance(TimeSpan.FromHours(1));
        await _h.PublishAsync(sameMomentLow);
        await _h.PublishAsync(sameMomentHigh);

        var result = await _h.Queries.GetPublishedAsync(new PublishedFilter());

        Assert.Equal([sameMomentHigh, sameMomentLow, b, c, a], result.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task GetPublishedAsync_DaysTaken_CountsStartedDaysFromSubmissionToCompletion()
    {
        // Completed 3 days 2 hours after submission, published 2 days later: 4 started days.
        var slow = (await _h.SubmitAsync()).OpinionId;
        await _h.StartAsync(slow, _h.UrbanId);
        _h.At(Start + TimeSpan.FromDays(3) + TimeSpan.FromHours(2));
        await _h.CompleteAsync(slow);
        _h.At(Start + TimeSpan.FromDays(5));
        await _h.PublishAsync(slow);

        // Completed exactly 2 days after submission: 2 days.
        _h.At(Start);
        var exact = (await _h.SubmitAsync()).OpinionId;
        await _h.StartAsync(exact, _h.UrbanId);
        _h.At(Start + TimeSpan.FromDays(2));
        await _h.CompleteAsync(exact);
        await _h.PublishAsync(exact);

        // Completed within the hour: at least 1 day.
        _h.At(Start + TimeSpan.FromDays(6));
        var quick = (await _h.SubmitAsync()).OpinionId;
        await _h.StartAsync(quick, _h.UrbanId);
        _h.Clock.Advance(TimeSpan.FromMinutes(30));
        await _h.CompleteAsync(quick);
        await _h.PublishAsync(quick);

        var items = (await _h.Queries.GetPublishedAsync(new PublishedFilter())).Items.ToDictionary(i => i.Id);

        Assert.Equal(4, items[slow].DaysTaken);
        Assert.Equal(2, items[exact].DaysTaken);
        Assert.Equal(1, items[quick].DaysTaken);
        Assert.Equal(Start.UtcDateTime, items[slow].SubmittedAt);
        Assert.Equal((Start + TimeSpan.FromDays(5)).UtcDateTime, items[slow].PublishedAt);
        Assert.Equal(4, (await _h.Queries.GetPublishedDetailAsync(slow))!.DaysTaken);
    }

    [Fact]
    public async Task GetPublishedDetailAsync_ShowsThePublicTextAndTheMaskedReply()
    {
        var id = (await _h.SubmitAsync()).OpinionId;
        await _h.StartAsync(id, _h.UrbanId);
        _h.Clock.Advance(TimeSpan.FromDays(3));
        await _h.CompleteAsync(id, WorkflowHarness.Draft(reply: "已修复，如有问题请联系李秀兰家属或拨打13812345678。"));
        _h.Clock.Advance(TimeSpan.FromDays(1));
        await _h.PublishAsync(id);

        var detail = await _h.Queries.GetPublishedDetailAsync(id);

        Assert.NotNull(detail);
        Assert.Equal(id, detail.Id);
        Assert.Equal("小区路灯不亮", detail.Title);
        Assert.Equal("李某某反映：幸福小区3号楼前的路灯坏了两周，电话138****5678。", detail.Body);
        Assert.Equal(OpinionKind.Suggestion, detail.Kind);
        Assert.Equal("幸福小区", detail.Area);
        Assert.Equal("住建局", detail.DepartmentName);
        Assert.Equal(Start.UtcDateTime, detail.SubmittedAt);
        Assert.Equal((Start + TimeSpan.FromDays(3)).UtcDateTime, detail.CompletedAt);
        Assert.Equal((Start + TimeSpan.FromDays(4)).UtcDateTime, detail.PublishedAt);
        Assert.Equal(3, detail.DaysTaken);
        var reply = Assert.Single(detail.Replies);
        Assert.Equal(new PublishedReply(1, "已修复，如有问题请联系李某某家属或拨打138****5678。", Adoption.Adopted, null, "住建局", (Start + TimeSpan.FromDays(3)).UtcDateTime), reply);
    }

    [Fact]
    public async Task GetPublishedDetailAsync_ForAnOpinionThatIsNotPublic_ReturnsNull()
    {
        var completed = await _h.OpinionInAsync(OpinionStatus.Completed);
        var rejected = await _h.OpinionInAsync(OpinionStatus.Rejected);
        var withoutConsent = WorkflowHarness.Input();
        withoutConsent.ConsentToPublish = false;
        var notConsented = await _h.OpinionInAsync(OpinionStatus.Published, input: withoutConsent);
        var reopened = await _h.OpinionInAsync(OpinionStatus.Published);
        Assert.Equal(RatingOutcome.Reopened, await _h.RateAsync(reopened, SatisfactionRating.Dissatisfied));
        var published = await _h.OpinionInAsync(OpinionStatus.Published);

        Assert.Null(await _h.Queries.GetPublishedDetailAsync(completed));
        Assert.Null(await _h.Queries.GetPublishedDetailAsync(rejected));
        Assert.Null(await _h.Queries.GetPublishedDetailAsync(notConsented));
        Assert.Null(await _h.Queries.GetPublishedDetailAsync(reopened));
        Assert.Null(await _h.Queries.GetPublishedDetailAsync(987_654));
        Assert.Null(await _h.Queries.GetPublishedDetailAsync(0));
        Assert.NotNull(await _h.Queries.GetPublishedDetailAsync(published));
    }

    [Fact]
    public async Task GetPublishedDetailAsync_AfterAReopen_ShowsTheRepliesOfBothRoundsInOrder()
    {
        var id = (await _h.SubmitAsync()).OpinionId;
        await _h.StartAsync(id, _h.UrbanId);
        var firstCompleted = (Start + TimeSpan.FromDays(2)).UtcDateTime;
        _h.At(firstCompleted);
        await _h.CompleteAsync(id, WorkflowHarness.Draft(Adoption.Adopted, "路灯已修复。"));
        await _h.PublishAsync(id);
        _h.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(RatingOutcome.Reopened, await _h.RateAsync(id, SatisfactionRating.Dissatisfied, "又坏了"));
        var secondCompleted = (Start + TimeSpan.FromDays(6)).UtcDateTime;
        _h.At(secondCompleted);
        await _h.CompleteAsync(id, WorkflowHarness.Draft(Adoption.NotAdopted, "整条线路更换需列入明年计划。"));
        _h.Clock.Advance(TimeSpan.FromHours(3));
        await _h.PublishAsync(id);

        var detail = await _h.Queries.GetPublishedDetailAsync(id);

        Assert.NotNull(detail);
        Assert.Equal(
            [
                new PublishedReply(1, "路灯已修复。", Adoption.Adopted, null, "住建局", firstCompleted),
                new PublishedReply(2, "整条线路更换需列入明年计划。", Adoption.NotAdopted, "超出本年度预算", "住建局", secondCompleted),
            ],
            detail.Replies);
        Assert.Equal(secondCompleted, detail.CompletedAt);
        Assert.Equal(6, detail.DaysTaken);
    }

    [Fact]
    public async Task GetPublishedDetailAsync_AfterARevision_ShowsOnlyTheReplyThatWasPublished()
    {
        var id = await _h.OpinionInAsync(OpinionStatus.Completed);
        await _h.Workflow.RequestRevisionAsync(id, await _h.VersionAsync(id), "答复过于简单", _h.Moderator);
        _h.Clock.Advance(TimeSpan.FromDays(1));
        await _h.CompleteAsync(id, WorkflowHarness.Draft(reply: "已更换全部灯具并检修线路。"));
        await _h.PublishAsync(id);

        var detail = await _h.Queries.GetPublishedDetailAsync(id);

        Assert.Equal("已更换全部灯具并检修线路。", Assert.Single(detail!.Replies).Reply);
    }

    /// <summary>A: 住建局 suggestion, adopted; B: 交通局 complaint, partly adopted; C: 住建局 question, explained (published in that order).</summary>
    private async Task<(int A, int B, int C)> ThreePublishedAsync()
    {
        var a = await _h.OpinionInAsync(OpinionStatus.Published, _h.UrbanId, WorkflowHarness.Input("小区路灯不亮", OpinionKind.Suggestion), Adoption.Adopted);
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        var b = await _h.OpinionInAsync(OpinionStatus.Published, _h.TransportId, WorkflowHarness.Input("公交车不按站停靠", OpinionKind.Complaint), Adoption.PartlyAdopted);
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        var c = await _h.OpinionInAsync(OpinionStatus.Published, _h.UrbanId, WorkflowHarness.Input("老旧小区改造何时开始", OpinionKind.Question), Adoption.Explained);
        return (a, b, c);
    }

    /// <summary>The street-light opinion published as masked by default, and a bus-stop opinion published a minute later.</summary>
    private async Task<(int StreetLight, int BusStop)> TwoPublishedForSearchAsync()
    {
        var streetLight = await _h.OpinionInAsync(OpinionStatus.Published);
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        var input = WorkflowHarness.Input("公交站台破损");
        input.Body = "城关街道公交站台顶棚破损，下雨天无处避雨。";
        var busStop = await _h.OpinionInAsync(OpinionStatus.Published, _h.TransportId, input);
        return (streetLight, busStop);
    }

    private async Task<int> PublishedAtAsync(DateTimeOffset utc)
    {
        _h.At(utc);
        return await _h.OpinionInAsync(OpinionStatus.Published);
    }

    private async Task<int> CompletedAsync() => await _h.OpinionInAsync(OpinionStatus.Completed);
}
