using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Portal.Web;
using Portal.Web.Security;

namespace Portal.Web.Tests.Security;

public sealed class BotTrapInspectionTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly EphemeralDataProtectionProvider _keys = new();

    [Fact]
    public void Inspect_AFormPostedAfterTheMinimumFillTime_WithAnEmptyHoneypot_LooksLikeAPerson()
    {
        var trap = Trap();
        var stamp = trap.IssueStamp();
        _clock.Advance(TimeSpan.FromSeconds(3.1));

        Assert.Null(trap.Inspect(Form(stamp, honeypot: "")));
    }

    [Fact]
    public void Inspect_AFormPostedBeforeTheMinimumFillTime_IsTooFast()
    {
        var trap = Trap();
        var stamp = trap.IssueStamp();
        _clock.Advance(TimeSpan.FromSeconds(2.9));

        Assert.Equal("too-fast", trap.Inspect(Form(stamp)));
    }

    [Fact]
    public void Inspect_AFilledHoneypot_IsCaught_HoweverLongTheFormTook()
    {
        var trap = Trap();
        var stamp = trap.IssueStamp();
        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal("honeypot", trap.Inspect(Form(stamp, honeypot: "http://spam.example")));
    }

    [Fact]
    public void Inspect_AStampNotProtectedByThisPortal_IsForged()
    {
        var elsewhere = new BotTrap(new EphemeralDataProtectionProvider(), _clock, Options.Create(new BotTrapOptions()));
        var stamp = elsewhere.IssueStamp();
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("forged-stamp", Trap().Inspect(Form(stamp)));
        Assert.Equal("forged-stamp", Trap().Inspect(Form(DateTimeOffset.UnixEpoch.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Inspect_NoStamp_IsCaught()
    {
        Assert.Equal("no-stamp", Trap().Inspect(new FormCollection([])));
    }

    private BotTrap Trap() => new(_keys, _clock, Options.Create(new BotTrapOptions { MinimumFillSeconds = 3 }));

    private static FormCollection Form(string stamp, string honeypot = "") => new(new Dictionary<string, StringValues>
    {
        [BotTrap.StampField] = stamp,
        [BotTrap.HoneypotField] = honeypot,
    });

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
