using Portal.Data.Receptions;

namespace Portal.Data.Tests.Receptions;

public sealed class ReceptionSessionTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc);
    private static readonly ReceptionHost Host = ReceptionHost.Create("陈建国", "县委副书记", "党建、信访", ReceptionHostKind.Leader, 12);

    private static ReceptionSession Session(int capacity = 5) =>
        ReceptionSession.Schedule(Host, Now.AddDays(7), Now.AddDays(7).AddHours(3), null, "清河县人民来访接待中心", ReceptionMethod.FixedPlace, null, capacity, Now);

    [Fact]
    public void Schedule_StartsScheduled_WithNothingBooked()
    {
        var session = Session();

        Assert.Equal(ReceptionSessionStatus.Scheduled, session.Status);
        Assert.Equal(0, session.BookedCount);
        Assert.Equal(Now.AddDays(6), session.BookingClosesAt(24));
    }

    [Fact]
    public void Schedule_WithoutPlace_OrEndBeforeStart_OrNoCapacity_Throws()
    {
        Assert.Throws<ReceptionStateException>(() => ReceptionSession.Schedule(Host, Now, Now.AddHours(1), null, " ", ReceptionMethod.FixedPlace, null, 5, Now));
        Assert.Throws<ReceptionStateException>(() => ReceptionSession.Schedule(Host, Now, Now, null, "地点", ReceptionMethod.FixedPlace, null, 5, Now));
        Assert.Throws<ReceptionStateException>(() => ReceptionSession.Schedule(Host, Now, Now.AddHours(1), null, "地点", ReceptionMethod.FixedPlace, null, 0, Now));
        Assert.Throws<ReceptionStateException>(() => ReceptionSession.Schedule(Host, Now, Now.AddHours(1), null, "地点", (ReceptionMethod)99, null, 5, Now));
    }

    [Fact]
    public void Cancel_RecordsReason_AndCannotBeRepeatedOrHeld()
    {
        var session = Session();

        session.Cancel("接访领导临时出差", Now);

        Assert.Equal(ReceptionSessionStatus.Cancelled, session.Status);
        Assert.Equal("接访领导临时出差", session.CancellationReason);
        Assert.Throws<ReceptionStateException>(() => session.Cancel("再次取消", Now));
        Assert.Throws<ReceptionStateException>(() => session.MarkHeld(Now.AddDays(8)));
    }

    [Fact]
    public void Cancel_WithoutReason_Throws_AndChangesNothing()
    {
        var session = Session();

        Assert.Throws<ReceptionStateException>(() => session.Cancel(" ", Now));
        Assert.Equal(ReceptionSessionStatus.Scheduled, session.Status);
    }

    [Fact]
    public void MarkHeld_BeforeStart_Throws_AfterStart_Holds_AndThenCannotCancel()
    {
        var session = Session();

        Assert.Throws<ReceptionStateException>(() => session.MarkHeld(Now));
        session.MarkHeld(Now.AddDays(7).AddHours(1));

        Assert.Equal(ReceptionSessionStatus.Held, session.Status);
        Assert.Throws<ReceptionStateException>(() => session.Cancel("太晚了", Now.AddDays(8)));
    }

    [Fact]
    public void Appointment_CancelsOnce()
    {
        var appointment = Appointment.Book(1, "王建华", "13800001234", "路灯", "K7QMX3PA9R", Now);

        appointment.Cancel(Now);

        Assert.Equal(AppointmentStatus.Cancelled, appointment.Status);
        Assert.Throws<ReceptionStateException>(() => appointment.Cancel(Now));
    }
}
