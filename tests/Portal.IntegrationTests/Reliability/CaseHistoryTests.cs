using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Reliability;

/// <summary>
/// The case file (四单一记录) cannot be edited by any path: not through the entities (the DbContext refuses),
/// and not by bulk updates or SQL that bypass them (SQLite triggers refuse).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CaseHistoryTests(PortalAppFactory app)
{
    public static TheoryData<string> Tampering() =>
    [
        "UPDATE OpinionEvents SET Note = 'changed' WHERE Id = (SELECT MIN(Id) FROM OpinionEvents)",
        "DELETE FROM OpinionEvents WHERE Id = (SELECT MIN(Id) FROM OpinionEvents)",
        "UPDATE HandlingResults SET ReplyText = 'changed' WHERE Id = (SELECT MIN(Id) FROM HandlingResults)",
        "UPDATE HandlingResults SET CompletedAt = '2020-01-01 00:00:00' WHERE Id = (SELECT MIN(Id) FROM HandlingResults)",
        "DELETE FROM HandlingResults WHERE Id = (SELECT MIN(Id) FROM HandlingResults)",
        "UPDATE Satisfactions SET Rating = 0 WHERE Id = (SELECT MIN(Id) FROM Satisfactions)",
        "DELETE FROM Satisfactions WHERE Id = (SELECT MIN(Id) FROM Satisfactions)",
        "UPDATE InterviewRecords SET Issue = 'changed' WHERE Id = (SELECT MIN(Id) FROM InterviewRecords)",
        "DELETE FROM InterviewRecords WHERE Id = (SELECT MIN(Id) FROM InterviewRecords)",
        "UPDATE PledgeEvents SET Note = 'changed' WHERE Id = (SELECT MIN(Id) FROM PledgeEvents)",
        "UPDATE HotIssueEvents SET Note = 'changed' WHERE Id = (SELECT MIN(Id) FROM HotIssueEvents)",
    ];

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task SqlThatChangesTheCaseFile_IsRefusedByTheDatabase(string sql)
    {
        await using var db = await ContextAsync();
        var table = sql.Split(' ')[sql.StartsWith("DELETE", StringComparison.Ordinal) ? 2 : 1];
        var count = "SELECT COUNT(*) AS Value FROM " + table; // a table name from the list above, not input
        Assert.True(await db.Database.SqlQueryRaw<int>(count).SingleAsync() > 0, $"The demo data has no {table}.");

        var ex = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(sql));

        Assert.Contains("append-only", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkUpdateOfTheHistory_BypassingTheEntities_IsRefused()
    {
        await using var db = await ContextAsync();

        await Assert.ThrowsAsync<SqliteException>(() => db.OpinionEvents.ExecuteUpdateAsync(u => u.SetProperty(e => e.Note, "rewritten")));
        await Assert.ThrowsAsync<SqliteException>(() => db.HandlingResults.ExecuteDeleteAsync());
    }

    [Fact]
    public async Task ThePublicVersionOfAReply_MayStillBeSetAtPublication()
    {
        await using var db = await ContextAsync();
        var id = await db.HandlingResults.MinAsync(r => r.Id);
        var publicReply = await db.HandlingResults.Where(r => r.Id == id).Select(r => r.PublicReply).SingleAsync();

        var changed = await db.Database.ExecuteSqlAsync($"UPDATE HandlingResults SET PublicReply = {publicReply} WHERE Id = {id}");

        Assert.Equal(1, changed);
    }

    private async Task<PortalDbContext> ContextAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
}
