using System.Text.RegularExpressions;
using Portal.Data.Staff;
using Portal.IntegrationTests.Infrastructure;
using Portal.IntegrationTests.Security;
using Portal.Moderation.Departments;
using Portal.Moderation.Receptions;
using Portal.Moderation.Staff;
using Portal.Moderation.Supervision;

namespace Portal.IntegrationTests.Reliability;

/// <summary>Staff actions outside the case history land in the security audit log: UTC time, actor id, action, target id.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class StaffAuditTests(PortalAppFactory app)
{
    [Fact]
    public async Task EditingADepartment_TheCalendarAndAReceptionHost_IsAudited_WithIdsOnly()
    {
        var admin = await app.ActorAsync("admin");
        var department = (await app.WithAsync<DepartmentService, IReadOnlyList<Portal.Data.Departments.Department>>(s => s.ListAsync()))[0];
        var input = DepartmentInput.From(department);
        input.Description = "审计测试说明";
        var hosts = await app.WithAsync<ReceptionQueries, IReadOnlyList<HostView>>(q => q.HostsAsync());
        var host = HostInput.From(hosts[0]);

        Assert.Null(await app.WithAsync<DepartmentService, string?>(s => s.SaveAsync(input, admin)));
        Assert.Null(await app.WithAsync<CalendarAdminService, string?>(s => s.SaveDayAsync(new DateOnly(2031, 1, 2), false, "审计测试假日", 0, admin)));
        await app.WithAsync<ReceptionDirectoryService>(s => s.SaveHostAsync(hosts[0].Id, host, admin));

        var audit = app.Logs.Entries.Where(e => e.Category == "Portal.Security.Audit" && e.EventId.Id == 9008).Select(e => e.Message).ToList();
        foreach (var (action, target) in new[] { ("department.update", $"{department.Id}"), ("calendar.day.save", "2031-01-02"), ("reception.host.update", $"{hosts[0].Id}") })
        {
            var line = Assert.Single(audit, m => m.Contains($"actor={admin.UserId} action={action} target={target}", StringComparison.Ordinal));
            Assert.Matches(UtcTime(), line);
        }

        Assert.DoesNotContain(audit, m => m.Contains(admin.Name, StringComparison.Ordinal) || m.Contains(hosts[0].Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LockingAndUnlockingAnAccount_IsAuditedByTheService_WithIdsOnly()
    {
        var admin = await app.ActorAsync("admin");
        var userName = await StaffAccounts.CreateAsync(app, StaffRoles.Leader, "audited");
        var userId = (await app.ActorAsync(userName)).UserId;

        Assert.Empty(await app.WithAsync<StaffAdminService, IReadOnlyList<string>>(s => s.SetLockedAsync(admin, userId, true)));
        Assert.Empty(await app.WithAsync<StaffAdminService, IReadOnlyList<string>>(s => s.SetLockedAsync(admin, userId, false)));

        var audit = app.Logs.Entries.Where(e => e.Category == "Portal.Security.Audit" && e.EventId.Id == 9008).Select(e => e.Message).ToList();
        foreach (var action in new[] { "user.lock", "user.unlock" })
            Assert.Matches(UtcTime(), Assert.Single(audit, m => m.Contains($"actor={admin.UserId} action={action} target={userId}", StringComparison.Ordinal)));
        Assert.DoesNotContain(audit, m => m.Contains(userName, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^Audit \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+\+00:00 staff action")]
    private static partial Regex UtcTime();
}
