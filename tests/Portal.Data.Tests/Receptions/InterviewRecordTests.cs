using Microsoft.EntityFrameworkCore;
using Portal.Data.Opinions;
using Portal.Data.Receptions;

namespace Portal.Data.Tests.Receptions;

public sealed class InterviewRecordTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc);
    private static readonly ActorRef Staff = new("mod-1", "审核员 周敏");

    private static ReceptionSession Session(ReceptionHost? host = null) =>
        ReceptionSession.Schedule(host ?? ReceptionHost.Create("陈建国", "县委副书记", "党建、信访", ReceptionHostKind.Leader, 12),
            Now.AddDays(7), Now.AddDays(7).AddHours(3), null, "清河县人民来访接待中心", ReceptionMethod.FixedPlace, null, 5, Now);

    private static InterviewRecord Record(ReceptionSession session) =>
        InterviewRecord.Create(session, null, "何玉珍", "13700001234", "排水沟没有盖板", "请交通局核实", Staff, session.StartsAt.AddHours(1));

    [Fact]
    public void Create_BeforeTheSessionStarts_OrForACancelledSession_Throws()
    {
        var session = Session();
        Assert.Throws<ReceptionStateException>(() => InterviewRecord.Create(session, null, "何玉珍", null, "问题", null, Staff, session.StartsAt.AddMinutes(-1)));

        session.Cancel("接访领导出差", Now);
        Assert.Throws<ReceptionStateException>(() => Record(session));
    }

    [Fact]
    public void Create_KeepsWhoRecordedIt_AndAFreshSubmissionKey()
    {
        var session = Session();

        var a = Record(session);
        var b = Record(session);

        Assert.Equal(("mod-1", "审核员 周敏"), (a.RecordedById, a.RecordedByName));
        Assert.NotEqual(Guid.Empty, a.OpinionSubmissionKey);
        Assert.NotEqual(a.OpinionSubmissionKey, b.OpinionSubmissionKey);
        Assert.Null(a.OpinionId);
    }

    [Fact]
    public void LinkOpinion_Once_ThenAnotherOpinion_Throws()
    {
        var record = Record(Session());

        record.LinkOpinion(5, Now);
        record.LinkOpinion(5, Now.AddHours(1)); // the same opinion again changes nothing

        Assert.Equal((5, Now), (record.OpinionId, record.OpinionLinkedAt));
        Assert.Throws<ReceptionStateException>(() => record.LinkOpinion(6, Now));
    }

    [Fact]
    public async Task SavedRecord_CannotBeEditedOrDeleted_ButCanBeLinked()
    {
        using var database = new SqliteTestDatabase();
        await database.MigrateAsync();
        int id;
        await using (var db = database.CreateContext())
        {
            var record = Record(Session());
            db.InterviewRecords.Add(record);
            await db.SaveChangesAsync();
            id = record.Id;
        }

        await using (var db = database.CreateContext())
        {
            var record = await db.InterviewRecords.SingleAsync(r => r.Id == id);
            db.Entry(record).Property(r => r.Issue).CurrentValue = "改过的内容";
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        }

        await using (var db = database.CreateContext())
        {
            db.InterviewRecords.Remove(await db.InterviewRecords.SingleAsync(r => r.Id == id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.CreateContext())
        {
            var opinion = Opinion.Submit(new OpinionSubmission(OpinionKind.Suggestion, OpinionChannel.Reception, "排水沟", "排水沟没有盖板", null, "何玉珍", null, false, false),
                TrackingCodes.New(), Staff, Now);
            db.Opinions.Add(opinion);
            await db.SaveChangesAsync();
            (await db.InterviewRecords.SingleAsync(r => r.Id == id)).LinkOpinion(opinion.Id, Now);
            await db.SaveChangesAsync();
            Assert.Equal(opinion.Id, (await db.InterviewRecords.AsNoTracking().SingleAsync(r => r.Id == id)).OpinionId);
        }
    }

    [Fact]
    public void HouseholdVisit_InTheFuture_Throws()
    {
        var host = ReceptionHost.Create("黄秀珍", "县党代表", "社区治理", ReceptionHostKind.Deputy, 2, 10);
        var today = new DateOnly(2026, 3, 2);

        var visit = HouseholdVisit.Record(host, today, "东关社区3号楼 王秀英", "了解取暖情况", Staff, today, Now);

        Assert.Equal(today, visit.VisitedOn);
        Assert.Throws<ReceptionStateException>(() => HouseholdVisit.Record(host, today.AddDays(1), "东关社区", "走访", Staff, today, Now));
    }

    [Fact]
    public void HostUpdate_RefusesNegativeOrImpossibleTargets()
    {
        var host = ReceptionHost.Create("黄秀珍", "县党代表", "社区治理", ReceptionHostKind.Deputy, 2, 10);

        Assert.Throws<ArgumentOutOfRangeException>(() => host.Update("黄秀珍", "县党代表", "", ReceptionHostKind.Deputy, -1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => host.Update("黄秀珍", "县党代表", "", ReceptionHostKind.Deputy, 2, 367));
        Assert.Throws<ArgumentOutOfRangeException>(() => host.Update("黄秀珍", "县党代表", "", (ReceptionHostKind)9, 2, 10));
        Assert.Equal((2, 10), (host.RequiredReceptionsPerYear, host.RequiredVisitsPerYear));
    }
}
