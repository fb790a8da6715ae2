using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Portal.Data.Receptions;
using Portal.Moderation.Receptions;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Tests.Receptions;

public sealed class ReceptionBookingTests
{
    [Fact]
    public async Task Book_ReturnsCode_AndCountsThePlace()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var session = await h.SessionAsync(capacity: 3);

        var receipt = await h.Booking.BookAsync(session, "王建华", "138 0000 1234", "幸福路路灯不亮");

        Assert.Equal(10, receipt.ConfirmationCode.Length);
        var view = await h.Queries.GetSessionAsync(session);
        Assert.Equal(1, view!.Booked);
        Assert.Equal(2, view.PlacesLeft);
        var bookings = await h.Admin.AppointmentsAsync(session, ReceptionHarness.Moderator);
        Assert.Equal("13800001234", Assert.Single(bookings).Phone);
    }

    [Fact]
    public async Task Book_WhenFull_IsRefused()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var session = await h.SessionAsync(capacity: 1);
        await h.Booking.BookAsync(session, "王建华", "13800001234", "路灯");

        var ex = await Assert.ThrowsAsync<BookingRefusedException>(() => h.Booking.BookAsync(session, "李秀英", "13900002222", "排水"));

        Assert.Equal(BookingRefusal.Full, ex.Reason);
        Assert.Contains("名额已满", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_AfterTheCutOff_IsRefused()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var session = await h.SessionAsync(daysAhead: 2); // starts 2026-03-04 09:00 local = 01:00 UTC
        h.Clock.Advance(TimeSpan.FromHours(23)); // 2026-03-03 01:00 UTC: exactly 24 hours before

        var ex = await Assert.ThrowsAsync<BookingRefusedException>(() => h.Booking.BookAsync(session, "王建华", "13800001234", "路灯"));

        Assert.Equal(BookingRefusal.BookingClosed, ex.Reason);
        Assert.Contains("截止", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_JustBeforeTheCutOff_Succeeds()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var session = await h.SessionAsync(daysAhead: 2);
        h.Clock.Advance(TimeSpan.FromHours(22.9));

        var receipt = await h.Booking.BookAsync(session, "王建华", "13800001234", "路灯");

        Assert.NotEmpty(receipt.ConfirmationCode);
    }

    [Fact]
    public async Task Book_CancelledSession_IsRefused()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var session = await h.SessionAsync();
        await h.Admin.CancelSessionAsync(session, "接访领导临时出差", ReceptionHarness.Moderator);

        var ex = await Assert.ThrowsAsync<BookingRefusedException>(() => h.Booking.BookAsync(session, "王建华", "13800001234", "路灯"));

        Assert.Equal(BookingRefusal.SessionCancelled, ex.Reason);
        var view = await h.Queries.GetSessionAsync(session);
        Assert.Equal(ReceptionSessionStatus.Cancelled, view!.Status);
        Assert.False(view.BookingOpen);
    }

    [Fact]
    public async Task Book_HeldSession_IsRefused()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var session = await h.SessionAsync(daysAhead: 7);
        h.Clock.Advance(TimeSpan.FromDays(7.5));
        await h.Admin.MarkHeldAsync(session, ReceptionHarness.Moderator);

        var ex = await Assert.ThrowsAsync<BookingRefusedException>(() => h.Booking.BookAsync(session, "王建华", "13800001234", "路灯"));

        Assert.Equal(BookingRefusal.SessionHeld, ex.Reason);
    }

    [Fact]
    public async Task Book_SamePhoneTwice_IsRefused_EvenWrittenDifferently()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var session = await h.SessionAsync(capacity: 5);
        await h.Booking.BookAsync(session, "王建华", "13800001234", "路灯");

        var ex = await Assert.ThrowsAsync<BookingRefusedException>(() => h.Booking.BookAsync(session, "王建华", "138-0000-１２３４", "另一个问题"));

        Assert.Equal(BookingRefusal.AlreadyBooked, ex.Reason);
        Assert.Equal(1, (await h.Queries.GetSessionAsync(session))!.Booked);
    }

    [Fact]
    public async Task Book_UnknownSession_IsRefused()
    {
        await using var h = await ReceptionHarness.CreateAsync();

        var ex = await Assert.ThrowsAsync<BookingRefusedException>(() => h.Booking.BookAsync(999, "王建华", "13800001234", "路灯"));

        Assert.Equal(BookingRefusal.SessionNotFound, ex.Reason);
    }

    [Theory]
    [InlineData("", "13800001234", "路灯")]
    [InlineData("王建华", "abc", "路灯")]
    [InlineData("王建华", "123", "路灯")]
    [InlineData("王建华", "13800001234", "  ")]
    public async Task Book_InvalidInput_Throws_AndTakesNoPlace(string name, string phone, string topic)
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var session = await h.SessionAsync(capacity: 1);

        await Assert.ThrowsAsync<ValidationException>(() => h.Booking.BookAsync(session, name, phone, topic));

        Assert.Equal(0, (await h.Queries.GetSessionAsync(session))!.Booked);
    }

    [Fact]
    public async Task CancelByCode_FreesThePlace_AndAllowsBookingAgain()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var session = await h.SessionAsync(capacity: 1);
        var receipt = await h.Booking.BookAsync(session, "王建华", "13800001234", "路灯");

        var outcome = await h.Booking.CancelAsync(receipt.DisplayCode.ToLowerInvariant());

        Assert.Equal(CancelBookingOutcome.Cancelled, outcome);
        Assert.Equal(0, (await h.Queries.GetSessionAsync(session))!.Booked);
        Assert.Equal(CancelBookingOutcome.AlreadyCancelled, await h.Booking.CancelAsync(receipt.ConfirmationCode));
        // The freed place can be taken, by the same phone too (the unique index covers live bookings only).
        await h.Booking.BookAsync(session, "王建华", "13800001234", "路灯");
        await Assert.ThrowsAsync<BookingRefusedException>(() => h.Booking.BookAsync(session, "李秀英", "13900002222", "排水"));
    }

    [Fact]
    public async Task CancelByCode_UnknownOrAfterStart()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var session = await h.SessionAsync(daysAhead: 3);
        var receipt = await h.Booking.BookAsync(session, "王建华", "13800001234", "路灯");

        Assert.Equal(CancelBookingOutcome.NotFound, await h.Booking.CancelAsync("ZZZZZ-ZZZZZ"));
        Assert.Equal(CancelBookingOutcome.NotFound, await h.Booking.CancelAsync("not a code"));
        h.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(CancelBookingOutcome.TooLate, await h.Booking.CancelAsync(receipt.ConfirmationCode));
    }

    [Fact]
    public async Task LastPlace_BookedByEightResidentsAtOnce_GoesToExactlyOne()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var session = await h.SessionAsync(capacity: 3);
        await h.Booking.BookAsync(session, "甲", "13800000001", "路灯");
        await h.Booking.BookAsync(session, "乙", "13800000002", "路灯");

        // Each call opens its own DbContext (and connection) from the factory; the start gate lines them up.
        using var gate = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            gate.Wait();
            try
            {
                await h.Booking.BookAsync(session, $"居民{i}", $"1390000000{i}", "排水沟盖板");
                return (Booked: true, Refusal: (BookingRefusal?)null);
            }
            catch (BookingRefusedException ex)
            {
                return (Booked: false, Refusal: (BookingRefusal?)ex.Reason);
            }
        })).ToList();
        gate.Set();
        var results = await Task.WhenAll(tasks);

        Assert.Single(results, r => r.Booked);
        Assert.All(results.Where(r => !r.Booked), r => Assert.Equal(BookingRefusal.Full, r.Refusal));
        await using var db = h.Db.CreateDbContext();
        Assert.Equal(3, await db.Appointments.CountAsync(a => a.SessionId == session && a.Status == AppointmentStatus.Booked));
        Assert.Equal(3, await db.ReceptionSessions.Where(s => s.Id == session).Select(s => s.BookedCount).SingleAsync());
    }

    [Fact]
    public async Task Staff_CancelAndMarkHeld_AreGuarded()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var session = await h.SessionAsync();

        await Assert.ThrowsAsync<ReceptionStateException>(() => h.Admin.MarkHeldAsync(session, ReceptionHarness.Moderator));
        await Assert.ThrowsAsync<ValidationException>(() => h.Admin.CancelSessionAsync(session, " ", ReceptionHarness.Moderator));
        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => h.Admin.CancelSessionAsync(session, "出差", ReceptionHarness.Handler));
        await h.Admin.CancelSessionAsync(session, "出差", ReceptionHarness.Moderator);
        var ex = await Assert.ThrowsAsync<ReceptionStateException>(() => h.Admin.CancelSessionAsync(session, "再次取消", ReceptionHarness.Moderator));
        Assert.Contains("已经取消", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpcomingByMonth_GroupsByLocalMonth_AndFiltersByHost()
    {
        await using var h = await ReceptionHarness.CreateAsync();
        var host = await h.HostAsync();
        var other = await h.HostAsync("林海燕", "副县长", ReceptionHostKind.Leader, 12);
        await h.SessionAsync(daysAhead: 5, hostId: host);   // March
        await h.SessionAsync(daysAhead: 35, hostId: host);  // April
        await h.SessionAsync(daysAhead: 6, hostId: other);

        var months = await h.Queries.UpcomingByMonthAsync();
        var mine = await h.Queries.UpcomingByMonthAsync(hostId: host);

        Assert.Equal([3, 4], months.Select(m => m.Month));
        Assert.Equal(2, months[0].Sessions.Count);
        Assert.Equal(2, mine.Sum(m => m.Sessions.Count));
        Assert.Equal(new DateTime(2026, 3, 7, 9, 0, 0), mine[0].Sessions[0].StartsLocal);
    }
}
