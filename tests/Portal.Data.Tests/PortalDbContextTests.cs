using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Departments;
using Portal.Data.Opinions;
using Portal.Data.Tests.Opinions;
using static Portal.Data.Tests.Opinions.OpinionScenario;

namespace Portal.Data.Tests;

public sealed class PortalDbContextTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Database_IsATempFileOfItsOwn()
    {
        Assert.True(File.Exists(_database.FilePath));
        Assert.StartsWith(Path.GetTempPath(), _database.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrations_MatchTheModel()
    {
        await using var db = _database.CreateContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Theory]
    [InlineData("UPDATE OpinionEvents SET Note = 'changed'")]
    [InlineData("DELETE FROM OpinionEvents")]
    public async Task History_CannotBeChangedEvenWithRawSql(string sql)
    {
        var departmentId = await AddDepartmentAsync();
        await using (var db = _database.CreateContext())
        {
            var department = await db.Departments.SingleAsync(d => d.Id == departmentId);
            db.Opinions.Add(WithId(InState(OpinionStatus.Assigned, department), 0));
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var count = await db.OpinionEvents.CountAsync();
            var error = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(sql));

            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
            Assert.Equal(count, await db.OpinionEvents.CountAsync());
            Assert.DoesNotContain(await db.OpinionEvents.Select(e => e.Note).ToListAsync(), n => n == "changed");
        }
    }

    [Fact]
    public async Task Opinion_WithItsWholeHistory_RoundTrips()
    {
        var departmentId = await AddDepartmentAsync();
        Opinion saved;
        await using (var db = _database.CreateContext())
        {
            var department = await db.Departments.SingleAsync(d => d.Id == departmentId);
            saved = InState(OpinionStatus.Published, department);
            saved.SuggestDepartments([new(departmentId, 0.75f)], 1);
            saved.Rate(SatisfactionRating.Dissatisfied, "路灯又坏了", ReopenDeadline, StepTime);
            db.Opinions.Add(WithId(saved, 0));
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var loaded = await LoadAsync(db, saved.Id);

            Assert.Equal(saved.TrackingCode, loaded.TrackingCode);
            Assert.Equal(OpinionStatus.InProgress, loaded.Status);
            Assert.Equal(saved.Kind, loaded.Kind);
            Assert.Equal(saved.Channel, loaded.Channel);
            Assert.Equal(saved.Title, loaded.Title);
            Assert.Equal(saved.Body, loaded.Body);
            Assert.Equal(saved.Area, loaded.Area);
            Assert.Equal(saved.ResidentName, loaded.ResidentName);
            Assert.Equal(saved.ResidentContact, loaded.ResidentContact);
            Assert.Equal(saved.ConsentToPublish, loaded.ConsentToPublish);
            Assert.Equal(departmentId, loaded.DepartmentId);
            Assert.Equal("住建局", loaded.Department!.Name);
            Assert.Equal(departmentId, loaded.SuggestedDepartmentId);
            Assert.Equal(0.75f, loaded.SuggestionConfidence);
            Assert.Equal([new DepartmentSuggestion(departmentId, 0.75f)], loaded.Suggestions);
            Assert.Equal(ReopenDeadline, loaded.Deadline);
            Assert.Equal(1, loaded.ReopenCount);
            Assert.Equal(saved.Version, loaded.Version);
            Assert.Equal(saved.CaseOwnerId, loaded.CaseOwnerId);
            Assert.Equal(PublicTitle, loaded.PublicTitle);
            Assert.Equal(PublicBody, loaded.PublicBody);
            Assert.Equal(saved.CreatedAt, loaded.CreatedAt);
            Assert.Equal(saved.RegisteredAt, loaded.RegisteredAt);
            Assert.Equal(saved.AssignedAt, loaded.AssignedAt);
            Assert.Equal(saved.PublishedAt, loaded.PublishedAt);
            Assert.Equal(saved.UpdatedAt, loaded.UpdatedAt);

            Assert.Equal(
                saved.Events.Select(e => (e.Action, e.FromStatus, e.ToStatus, e.ActorUserId, e.ActorName, e.Note, e.OccurredAt)),
                loaded.Events.OrderBy(e => e.Id).Select(e => (e.Action, e.FromStatus, e.ToStatus, e.ActorUserId, e.ActorName, e.Note, e.OccurredAt)));
            Assert.All(loaded.Events, e => Assert.Equal(saved.Id, e.OpinionId));

            var result = Assert.Single(loaded.Results);
            Assert.Equal(1, result.Round);
            Assert.Equal(Adoption.Adopted, result.Adoption);
            Assert.Equal("张局长", result.SignedOffBy);
            Assert.Equal(PublicReply, result.PublicReply);
            var rating = Assert.Single(loaded.Ratings);
            Assert.Equal(SatisfactionRating.Dissatisfied, rating.Rating);
            Assert.Equal("路灯又坏了", rating.Comment);
            Assert.False(loaded.CanBeRated);
        }
    }

    [Fact]
    public async Task Opinion_SavedAfterEachStepInFreshContexts_KeepsEveryEventInOrder()
    {
        var departmentId = await AddDepartmentAsync();
        int id;
        await using (var db = _database.CreateContext())
        {
            var opinion = Opinion.Submit(Submission(), Code, ActorRef.Resident, Start);
            db.Opinions.Add(opinion);
            await db.SaveChangesAsync();
            id = opinion.Id;
        }

        var at = Start;
        foreach (var step in new[] { OpinionStep.Register, OpinionStep.Assign, OpinionStep.Accept, OpinionStep.Complete, OpinionStep.Publish, OpinionStep.Rate })
        {
            at = at.AddHours(1);
            await using var db = _database.CreateContext();
            var opinion = await LoadAsync(db, id);
            var department = await db.Departments.SingleAsync(d => d.Id == departmentId);
            Apply(opinion, step, at, department);
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var loaded = await LoadAsync(db, id);
            Assert.Equal(OpinionStatus.Published, loaded.Status);
            Assert.Equal(6, loaded.Version);
            Assert.Equal(
                [
                    OpinionAction.Submitted, OpinionAction.Registered, OpinionAction.Assigned, OpinionAction.Accepted,
                    OpinionAction.Completed, OpinionAction.Published, OpinionAction.Rated,
                ],
                loaded.Events.OrderBy(e => e.Id).Select(e => e.Action));
            Assert.Equal(7, await db.OpinionEvents.CountAsync(e => e.OpinionId == id));
        }
    }

    [Fact]
    public async Task SaveChanges_WhenAnEventWasModified_ThrowsAndKeepsTheHistory()
    {
        var id = await AddOpinionAsync();
        await using (var db = _database.CreateContext())
        {
            var recorded = await db.OpinionEvents.FirstAsync(e => e.OpinionId == id);
            db.Entry(recorded).Property(e => e.Note).CurrentValue = "改写历史";

            var ex = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
            Assert.Contains("append-only", ex.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = _database.CreateContext())
        {
            var recorded = await db.OpinionEvents.SingleAsync(e => e.OpinionId == id);
            Assert.Null(recorded.Note);
        }
    }

    [Fact]
    public async Task SaveChanges_WhenAnEventWasMarkedModified_Throws()
    {
        var id = await AddOpinionAsync();
        await using var db = _database.CreateContext();
        var recorded = await db.OpinionEvents.FirstAsync(e => e.OpinionId == id);

        db.Entry(recorded).State = EntityState.Modified;

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task SaveChanges_WhenAnEventWasDeleted_ThrowsAndKeepsTheHistory()
    {
        var id = await AddOpinionAsync();
        await using (var db = _database.CreateContext())
        {
            var recorded = await db.OpinionEvents.FirstAsync(e => e.OpinionId == id);
            db.OpinionEvents.Remove(recorded);

            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = _database.CreateContext())
            Assert.Equal(1, await db.OpinionEvents.CountAsync(e => e.OpinionId == id));
    }

    [Fact]
    public async Task SaveChanges_WithNewEventsFromATransition_Succeeds()
    {
        var id = await AddOpinionAsync();
        await using (var db = _database.CreateContext())
        {
            var opinion = await LoadAsync(db, id);
            opinion.Register(Moderator, StepTime);
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
            Assert.Equal(2, await db.OpinionEvents.CountAsync(e => e.OpinionId == id));
    }

    [Fact]
    public async Task SaveChanges_WhenTwoContextsUpdateTheSameOpinion_SecondThrowsConcurrencyException()
    {
        var id = await AddOpinionAsync();
        await using var first = _database.CreateContext();
        await using var second = _database.CreateContext();
        var mine = await LoadAsync(first, id);
        var theirs = await LoadAsync(second, id);

        mine.Register(Moderator, StepTime);
        theirs.Reject(RejectReason, new ActorRef("mod-2", "审核员丙"), StepTime);
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = _database.CreateContext();
        var stored = await LoadAsync(check, id);
        Assert.Equal(OpinionStatus.Registered, stored.Status);
        Assert.Equal(1, stored.Version);
        Assert.Null(stored.RejectionReason);
        Assert.Equal([OpinionAction.Submitted, OpinionAction.Registered], stored.Events.OrderBy(e => e.Id).Select(e => e.Action));
    }

    [Fact]
    public async Task SaveChanges_WithTheCurrentVersion_AfterAnotherContextsSave_Succeeds()
    {
        var id = await AddOpinionAsync();
        await using (var first = _database.CreateContext())
        {
            (await LoadAsync(first, id)).Register(Moderator, StepTime);
            await first.SaveChangesAsync();
        }

        await using (var second = _database.CreateContext())
        {
            var reloaded = await LoadAsync(second, id);
            reloaded.Reject(RejectReason, Moderator, StepTime.AddHours(1));
            await second.SaveChangesAsync();
        }

        await using var check = _database.CreateContext();
        Assert.Equal(OpinionStatus.Rejected, (await check.Opinions.SingleAsync(o => o.Id == id)).Status);
    }

    [Fact]
    public async Task DateTimes_ComeBackWithKindUtc()
    {
        var departmentId = await AddDepartmentAsync();
        int id;
        await using (var db = _database.CreateContext())
        {
            var opinion = InState(OpinionStatus.Published, await db.Departments.SingleAsync(d => d.Id == departmentId));
            opinion.Rate(SatisfactionRating.Satisfied, null, ReopenDeadline, StepTime);
            db.Opinions.Add(WithId(opinion, 0));
            await db.SaveChangesAsync();
            id = opinion.Id;
        }

        await using (var db = _database.CreateContext())
        {
            var loaded = await LoadAsync(db, id);
            DateTime?[] times =
            [
                loaded.CreatedAt, loaded.UpdatedAt, loaded.RegisteredAt, loaded.AssignedAt, loaded.CompletedAt,
                loaded.PublishedAt, loaded.Deadline,
            ];
            Assert.All(times, t => Assert.Equal(DateTimeKind.Utc, t!.Value.Kind));
            Assert.All(loaded.Events, e => Assert.Equal(DateTimeKind.Utc, e.OccurredAt.Kind));
            Assert.Equal(DateTimeKind.Utc, Assert.Single(loaded.Results).CompletedAt.Kind);
            Assert.Equal(DateTimeKind.Utc, Assert.Single(loaded.Ratings).RatedAt.Kind);
            Assert.Equal(Start, loaded.CreatedAt);
            Assert.Equal(Deadline, loaded.Deadline);
        }
    }

    [Fact]
    public async Task DateTimes_GivenInLocalTime_AreStoredAsTheSameInstantInUtc()
    {
        var local = new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Local);
        int id;
        await using (var db = _database.CreateContext())
        {
            var opinion = Opinion.Submit(Submission(), Code, ActorRef.Resident, local);
            db.Opinions.Add(opinion);
            await db.SaveChangesAsync();
            id = opinion.Id;
        }

        await using (var db = _database.CreateContext())
        {
            var loaded = await db.Opinions.SingleAsync(o => o.Id == id);
            Assert.Equal(DateTimeKind.Utc, loaded.CreatedAt.Kind);
            Assert.Equal(local.ToUniversalTime(), loaded.CreatedAt);
        }
    }

    [Fact]
    public async Task Connection_HasForeignKeysSwitchedOn()
    {
        await using var db = _database.CreateContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA foreign_keys;";

        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task RawInsert_WithNonexistentDepartment_FailsOnTheForeignKey()
    {
        var departmentId = await AddDepartmentAsync();
        await using var db = _database.CreateContext();

        var ex = await Assert.ThrowsAsync<SqliteException>(() => InsertOpinionRawAsync(db, "K7QMX3PA9R", departmentId + 1000));

        Assert.Equal(19, ex.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains("FOREIGN KEY", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Opinions.CountAsync());
    }

    [Fact]
    public async Task RawInsert_WithExistingDepartment_Succeeds()
    {
        var departmentId = await AddDepartmentAsync();
        await using var db = _database.CreateContext();

        await InsertOpinionRawAsync(db, "K7QMX3PA9R", departmentId);

        Assert.Equal(departmentId, (await db.Opinions.SingleAsync()).DepartmentId);
    }

    [Fact]
    public async Task SaveChanges_WithSuggestionForNonexistentDepartment_FailsOnTheForeignKey()
    {
        await using var db = _database.CreateContext();
        var opinion = Opinion.Submit(Submission(), Code, ActorRef.Resident, Start);
        opinion.SuggestDepartments([new(4242, 0.9f)], 1);
        db.Opinions.Add(opinion);

        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains("FOREIGN KEY", Assert.IsType<SqliteException>(ex.InnerException).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveChanges_WithDuplicateTrackingCode_FailsOnTheUniqueIndex()
    {
        await AddOpinionAsync();
        await using var db = _database.CreateContext();
        db.Opinions.Add(Opinion.Submit(Submission(), Code, ActorRef.Resident, Start));

        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains("UNIQUE", Assert.IsType<SqliteException>(ex.InnerException).Message, StringComparison.Ordinal);
    }

    private static Task<Opinion> LoadAsync(PortalDbContext db, int id) =>
        db.Opinions
            .Include(o => o.Department)
            .Include(o => o.Events)
            .Include(o => o.Results)
            .Include(o => o.Ratings)
            .SingleAsync(o => o.Id == id);

    private static Task<int> InsertOpinionRawAsync(PortalDbContext db, string code, int departmentId) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO Opinions (TrackingCode, Kind, Channel, Title, Body, IsAnonymous, ConsentToPublish, Status,
                                  DepartmentId, ReopenCount, CreatedAt, UpdatedAt, Version)
            VALUES ({code}, 1, 1, '路灯', '路灯坏了', 0, 0, 2, {departmentId}, 0, '2026-03-01 02:00:00', '2026-03-01 02:00:00', 0)
            """);

    private async Task<int> AddDepartmentAsync()
    {
        await using var db = _database.CreateContext();
        var department = new Department { Code = "urban-construction", Name = "住建局", Category = "城乡建设" };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    }

    private async Task<int> AddOpinionAsync()
    {
        await using var db = _database.CreateContext();
        var opinion = Opinion.Submit(Submission(), Code, ActorRef.Resident, Start);
        db.Opinions.Add(opinion);
        await db.SaveChangesAsync();
        return opinion.Id;
    }
}
