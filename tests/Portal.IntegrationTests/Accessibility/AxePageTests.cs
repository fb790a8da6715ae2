using Microsoft.Playwright;
using Portal.IntegrationTests.Browser;
using Portal.IntegrationTests.Security;

namespace Portal.IntegrationTests.Accessibility;

/// <summary>
/// axe-core (WCAG 2.x A and AA) on every residents' page and the main staff workspaces, in headless Chromium:
/// no serious or critical violation. Each test walks one area and lists every violation it found.
/// </summary>
[Collection(AccessibilityCollection.Name)]
public sealed class AxePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task ResidentsPages_HaveNoSeriousAccessibilityViolations()
    {
        var ids = await browser.App.DemoIdsAsync();
        var audit = new AxeAudit();
        var page = await browser.NewPageAsync(); // axe runs as a script in the page
        foreach (var (name, url) in new[]
        {
            ("首页", "/"),
            ("我要留言", "/opinions/new"),
            ("进度查询", "/track"),
            ("提交成功", "/received"),
            ("处理情况公示", "/published"),
            ("公示详情", $"/published/{ids.PublishedOpinion}"),
            ("数据统计", "/statistics"),
            ("办事指南", "/page/guide"),
            ("找不到页面", "/not-found"),
            ("工作人员登录", "/account/login"),
        })
        {
            await page.GotoAsync(url);
            await audit.CheckAsync(page, name);
        }

        // The tracking page with a result: an opinion that was answered.
        await page.GotoAsync("/track");
        await page.FillAsync("#code", ids.Transport.TrackingCodes[0]);
        await page.ClickAsync("form:has(#code) button[type=submit]");
        await page.Locator("[data-testid=status]").WaitForAsync();
        await audit.CheckAsync(page, "进度查询结果");

        // The form sent empty: its validation messages.
        await page.GotoAsync("/opinions/new");
        await page.ClickAsync("form button[type=submit]");
        await audit.CheckAsync(page, "我要留言（未填写提交）");

        audit.AssertNoSeriousViolations();
    }

    [Fact]
    public async Task PledgeAndReceptionPages_HaveNoSeriousAccessibilityViolations()
    {
        var ids = await browser.App.DemoIdsAsync();
        var audit = new AxeAudit();
        var page = await browser.NewPageAsync(); // axe runs as a script in the page
        foreach (var (name, url) in new[]
        {
            ("承诺践诺", "/pledges"),
            ("承诺详情", $"/pledges/{ids.Pledge}"),
            ("承诺公示栏", $"/pledges/board?branch={Uri.EscapeDataString(ids.Branch)}"),
            ("接待日", "/receptions"),
            ("接待人", $"/receptions/hosts/{ids.Host}"),
            ("党代表工作室", $"/receptions/studios/{ids.Studio}"),
            ("接待场次与预约", $"/receptions/sessions/{ids.Session}"),
            ("接访公告", $"/receptions/sessions/{ids.Session}/notice"),
            ("取消预约", "/receptions/cancel"),
        })
        {
            await page.GotoAsync(url);
            await audit.CheckAsync(page, name);
        }

        audit.AssertNoSeriousViolations();
    }

    [Fact]
    public async Task ModeratorAndHandlerWorkspaces_HaveNoSeriousAccessibilityViolations()
    {
        var ids = await browser.App.DemoIdsAsync();
        var audit = new AxeAudit();
        await CheckStaffPagesAsync(audit, "moderator",
        [
            ("审核队列", "/staff/queue"),
            ("案件", $"/staff/cases/{ids.TransportCase}"),
            ("代群众登记", "/staff/opinions/new"),
            ("接待日管理", "/staff/receptions"),
            ("接待场次管理", $"/staff/receptions/sessions/{ids.Session}"),
            ("承诺管理（审核员）", "/staff/pledges"),
        ]);
        await CheckStaffPagesAsync(audit, "handler-transport",
        [
            ("本部门待办", "/staff/inbox"),
            ("承办案件", $"/staff/cases/{ids.TransportCase}"),
            ("修改密码", "/account/password"),
        ]);
        audit.AssertNoSeriousViolations();
    }

    [Fact]
    public async Task LeaderWorkspaces_HaveNoSeriousAccessibilityViolations()
    {
        var ids = await browser.App.DemoIdsAsync();
        var audit = new AxeAudit();
        await CheckStaffPagesAsync(audit, "leader",
        [
            ("领导驾驶舱", "/staff/dashboard"),
            ("领导总览", "/staff/overview"),
            ("督办台", "/staff/supervision"),
            ("热点问题", "/staff/hot-issues"),
            ("热点详情", $"/staff/hot-issues/{ids.HotIssue}"),
            ("研判报告", "/staff/briefings"),
            ("台账导出", "/staff/ledger"),
            ("接访频次", "/staff/receptions/frequency"),
            ("承诺管理（领导）", "/staff/pledges"),
        ]);
        audit.AssertNoSeriousViolations();
    }

    private async Task CheckStaffPagesAsync(AxeAudit audit, string userName, IEnumerable<(string Name, string Url)> pages)
    {
        var page = await browser.SignedInPageAsync(userName);
        foreach (var (name, url) in pages)
        {
            await page.GotoAsync(url);
            if (url.StartsWith("/staff/", StringComparison.Ordinal))
                await BrowserFixture.WaitForCircuitAsync(page); // account pages are static: no circuit
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await audit.CheckAsync(page, name);
        }

        await page.Context.CloseAsync();
    }
}
