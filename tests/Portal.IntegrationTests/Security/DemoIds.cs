using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Data.Pledges;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Analysis.Briefings;

namespace Portal.IntegrationTests.Security;

/// <summary>
/// Real ids from the demo data for the route parameters of the access matrix: department A is 交通运输局
/// (handler-transport), department B is 卫生健康局 (handler-health).
/// </summary>
public sealed record DemoIds(
    int TransportCase,
    int HealthCase,
    int HealthDepartment,
    int PublishedOpinion,
    int UnpublishedOpinion,
    int Pledge,
    string Branch,
    int Host,
    int Studio,
    int Session,
    int Briefing,
    int HotIssue,
    DepartmentSecrets Transport,
    DepartmentSecrets Health)
{
    public static async Task<DemoIds> LoadAsync(PortalAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        // The scheduler makes the due briefings shortly after start-up; make sure they exist now (idempotent).
        await scope.ServiceProvider.GetRequiredService<BriefingService>().GenerateDueAsync();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var transport = await db.Departments.Where(d => d.Code == "transport").Select(d => d.Id).SingleAsync();
        var health = await db.Departments.Where(d => d.Code == "health").Select(d => d.Id).SingleAsync();
        var published = await FirstAsync(db.Opinions.Where(o => o.Status == OpinionStatus.Published && o.ConsentToPublish).Select(o => o.Id), "published opinion");
        var pledge = await FirstAsync(db.Pledges.Where(p => p.Status == PledgeStatus.Published).Select(p => new { p.Id, p.Branch }), "published pledge");
        return new DemoIds(
            await CaseOfAsync(db, transport),
            await CaseOfAsync(db, health),
            health,
            published,
            await FirstAsync(db.Opinions.Where(o => o.DepartmentId == transport && o.Status != OpinionStatus.Published).Select(o => o.Id), "unpublished opinion"),
            pledge.Id,
            pledge.Branch,
            await FirstAsync(db.ReceptionHosts.Select(h => h.Id), "host"),
            await FirstAsync(db.DeputyStudios.Select(s => s.Id), "studio"),
            await FirstAsync(db.ReceptionSessions.Select(s => s.Id), "session"),
            await FirstAsync(db.Briefings.Select(b => b.Id), "briefing"),
            await FirstAsync(db.HotIssueGroups.Select(g => g.Id), "hot issue"),
            await SecretsOfAsync(db, transport),
            await SecretsOfAsync(db, health));
    }

    /// <summary>An opinion assigned to the department (the earliest) from a resident who left a contact and is not anonymous.</summary>
    private static async Task<int> CaseOfAsync(PortalDbContext db, int departmentId) =>
        await FirstAsync(db.Opinions.Where(o => o.DepartmentId == departmentId && !o.IsAnonymous && o.ResidentContact != null)
            .OrderBy(o => o.Id).Select(o => o.Id), $"opinion with a contact at department {departmentId}");

    private static async Task<T> FirstAsync<T>(IQueryable<T> query, string what) =>
        await query.Take(1).ToListAsync() is [var first] ? first : throw new InvalidOperationException($"The demo data has no {what}.");

    private static async Task<DepartmentSecrets> SecretsOfAsync(PortalDbContext db, int departmentId)
    {
        var rows = await db.Opinions.Where(o => o.DepartmentId == departmentId)
            .Select(o => new { o.TrackingCode, o.ResidentContact }).ToListAsync();
        return new DepartmentSecrets(
            [.. rows.Select(r => r.ResidentContact).OfType<string>().Where(c => c.Length >= 7).Distinct()],
            [.. rows.Select(r => r.TrackingCode)]);
    }
}

/// <summary>What of a department's opinions only its own handlers and supervising staff may see.</summary>
public sealed record DepartmentSecrets(IReadOnlyList<string> ResidentContacts, IReadOnlyList<string> TrackingCodes);
