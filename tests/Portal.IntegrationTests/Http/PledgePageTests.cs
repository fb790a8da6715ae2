using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Pledges;

namespace Portal.IntegrationTests.Http;

[Collection(PortalCollection.Name)]
public sealed class PledgePageTests(PortalAppFactory app)
{
    private const string DemoTitle = "推动老旧小区加装电梯";

    [Fact]
    public async Task PledgeList_ShowsADemoPledge_AndHidesProposedOnes()
    {
        var html = await app.CreateClient().GetStringOkAsync("/pledges");

        Assert.Contains(DemoTitle, html, StringComparison.Ordinal);
        Assert.Contains("为辖区独居老人安装紧急呼叫器", html, StringComparison.Ordinal);
        Assert.DoesNotContain("家庭医生签约随访全覆盖", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/pledges\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("blazor.web", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PledgeList_FiltersWithAGetForm()
    {
        var html = await app.CreateClient().GetStringOkAsync("/pledges?kind=Immediate&status=Overdue");

        Assert.Contains("为村卫生室配齐常用药", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoTitle, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RatingTwiceFromTheSameClient_StoresOneRating_AndAnswersTheSecondInChinese()
    {
        var id = await app.WithAsync<PledgeQueries, int>(async q =>
            (await q.GetPublicListAsync(new PledgeFilter(Search: DemoTitle))).Items.Single().Id);
        var before = await RatingCountAsync(id);
        var client = app.CreateClient();
        var url = $"/pledges/{id}";

        var page = await client.GetAsync(url);
        var cookie = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("pledge-device=", StringComparison.Ordinal));
        var form = await page.Content.ReadAsStringAsync();
        var first = await client.PostAsync(url, RatingForm(form));
        var second = await client.PostAsync(url, RatingForm(form));
        var again = await client.GetStringOkAsync(url);

        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("感谢您的评价！", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("您已评价过该承诺", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("您已评价过该承诺，感谢您的参与。", again, StringComparison.Ordinal);
        Assert.Equal(before + 1, await RatingCountAsync(id));
    }

    [Fact]
    public async Task DemoData_CoversEveryState_TwoBranches_TwoYears_WithProgressAndRatings()
    {
        var (statuses, branches, years, progress, ratings) = await app.WithAsync<IDbContextFactory<PortalDbContext>, (int, int, int, int, int)>(async f =>
        {
            await using var db = await f.CreateDbContextAsync();
            return (await db.Pledges.Select(p => p.Status).Distinct().CountAsync(),
                await db.Pledges.Select(p => p.Branch).Distinct().CountAsync(),
                await db.Pledges.Select(p => p.Year).Distinct().CountAsync(),
                await db.PledgeProgress.CountAsync(),
                await db.PledgeRatings.CountAsync());
        });

        Assert.Equal(Enum.GetValues<Portal.Data.Pledges.PledgeStatus>().Length, statuses);
        Assert.Equal(2, branches);
        Assert.True(years >= 2);
        Assert.True(progress > 5 && ratings > 10);
    }

    [Fact]
    public async Task StaffPledges_ForALeader_ListsPledgesWithTheOverdueOnesFlagged()
    {
        var client = await app.SignedInClientAsync("leader");

        var html = await client.GetStringOkAsync("/staff/pledges");

        Assert.Contains("家庭医生签约随访全覆盖", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"overdue-alert\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"pledge-create\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffPledges_ForAHandlerWithoutAPartyBranch_ShowsNoPledges()
    {
        var client = await app.SignedInClientAsync("handler-health");

        var html = await client.GetStringOkAsync("/staff/pledges");

        Assert.Contains("暂无承诺", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoTitle, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"pledge-create\"", html, StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent RatingForm(string html) => new(
    [
        new("_handler", "rate-pledge"),
        .. FormClient.HiddenFields(html),
        new("Rating.Rating", "Satisfied"),
        new("Rating.Comment", "进度看得见"),
    ]);

    private Task<int> RatingCountAsync(int id) =>
        app.WithAsync<IDbContextFactory<PortalDbContext>, int>(async f =>
        {
            await using var db = await f.CreateDbContextAsync();
            return await db.PledgeRatings.CountAsync(r => r.PledgeId == id);
        });
}
