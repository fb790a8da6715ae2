using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Opinions;
using Portal.Data.Pledges;
using static Portal.Data.Tests.Pledges.PledgeScenario;

namespace Portal.Data.Tests.Pledges;

public sealed class PledgePersistenceTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Pledge_WithProgressHistoryAndRatings_RoundTrips()
    {
        var pledge = InState(PledgeStatus.Published);
        pledge.AddProgress(new DateOnly(2026, 3, 15), "走访 12 户", Secretary, StepTime);
        pledge.Rate(SatisfactionRating.Satisfied, "很及时", DeviceA, StepTime);
        await using (var db = _database.CreateContext())
        {
            db.Pledges.Add(pledge);
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var loaded = await db.Pledges.Include(p => p.Events).Include(p => p.Progress).Include(p => p.Ratings).SingleAsync();

            Assert.Equal((pledge.Title, pledge.Branch, pledge.DueDate, pledge.Status, pledge.Version), (loaded.Title, loaded.Branch, loaded.DueDate, loaded.Status, loaded.Version));
            Assert.Equal(3, loaded.Events.Count);
            Assert.Equal(new DateOnly(2026, 3, 15), Assert.Single(loaded.Progress).Date);
            Assert.Equal(DeviceA, Assert.Single(loaded.Ratings).DeviceTokenHash);
        }
    }

    [Fact]
    public async Task SaveChanges_WhenAPledgeEventIsModifiedOrDeleted_Throws()
    {
        await using (var db = _database.CreateContext())
        {
            db.Pledges.Add(InState(PledgeStatus.Published));
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var first = await db.PledgeEvents.OrderBy(e => e.Id).FirstAsync();
            db.Entry(first).State = EntityState.Modified;
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = _database.CreateContext())
        {
            db.PledgeEvents.Remove(await db.PledgeEvents.OrderBy(e => e.Id).FirstAsync());
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        }

        await using (var check = _database.CreateContext())
            Assert.Equal(2, await check.PledgeEvents.CountAsync());
    }

    [Theory]
    [InlineData("UPDATE PledgeEvents SET Note = 'changed'")]
    [InlineData("DELETE FROM PledgeEvents")]
    public async Task PledgeHistory_CannotBeChangedEvenWithRawSql(string sql)
    {
        await using (var db = _database.CreateContext())
        {
            db.Pledges.Add(InState(PledgeStatus.Fulfilled));
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateContext();
        var error = await Assert.ThrowsAsync<SqliteException>(() => check.Database.ExecuteSqlRawAsync(sql));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, await check.PledgeEvents.CountAsync());
    }

    [Fact]
    public async Task SecondRatingFromTheSameDevice_IsRefusedByTheUniqueIndex()
    {
        await using (var db = _database.CreateContext())
        {
            var pledge = InState(PledgeStatus.Published);
            pledge.Rate(SatisfactionRating.Satisfied, null, DeviceA, StepTime);
            db.Pledges.Add(pledge);
            await db.SaveChangesAsync();
        }

        // A second context that did not load the first rating (a race): the database keeps only one.
        await using var racing = _database.CreateContext();
        var same = await racing.Pledges.SingleAsync();
        same.Rate(SatisfactionRating.Dissatisfied, null, DeviceA, StepTime);

        await Assert.ThrowsAsync<DbUpdateException>(() => racing.SaveChangesAsync());
        await using var check = _database.CreateContext();
        Assert.Equal(1, await check.PledgeRatings.CountAsync());
    }
}
