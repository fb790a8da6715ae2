using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Opinions;
using Portal.Moderation.Receptions;
using Portal.Web.Security;

namespace Portal.IntegrationTests.Http;

/// <summary>The portal with a minimum fill time of <see cref="MinimumFill"/> on residents' forms.</summary>
public sealed class BotTrapAppFactory : PortalAppFactory
{
    public static readonly TimeSpan MinimumFill = TimeSpan.FromSeconds(1);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("BotTrap:MinimumFillSeconds", MinimumFill.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed partial class BotTrapTests(BotTrapAppFactory app) : IClassFixture<BotTrapAppFactory>
{
    /// <summary>The forms of people without an account that store something (look-ups and the staff login do not carry the trap).</summary>
    public static TheoryData<string> TrappedWrites { get; } = ["submission", "rate", "support", "pledge-rating", "booking", "booking-cancel"];

    [Theory]
    [MemberData(nameof(TrappedWrites))]
    public async Task EveryResidentForm_CarriesAHoneypotHiddenFromPeople_AndAProtectedFormStamp(string write)
    {
        var (form, html) = await RenderAsync(app.CreateClient(), write);

        var element = FormElements().Matches(html).Select(m => m.Value)
            .Single(f => f.Contains($"name=\"_handler\" value=\"{form.FormName}\"", StringComparison.Ordinal));
        var trap = TrapField().Match(element);
        Assert.True(trap.Success, "The form has no honeypot.");
        Assert.Contains("请勿填写", trap.Value, StringComparison.Ordinal);
        Assert.Contains($"name=\"{BotTrap.HoneypotField}\"", trap.Value, StringComparison.Ordinal);
        Assert.Contains("tabindex=\"-1\"", trap.Value, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"off\"", trap.Value, StringComparison.Ordinal);
        Assert.Matches($"name=\"{BotTrap.StampField}\" value=\"[^\"]{{20,}}\"", element);
    }

    [Theory]
    [MemberData(nameof(TrappedWrites))]
    public async Task AFilledHoneypot_LooksLikeSuccess_ButNothingIsStored_AndTheHitIsLogged(string write)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var (form, html) = await RenderAsync(client, write);
        var before = await StoredAsync();
        await Task.Delay(MoreThanTheMinimum);

        var response = await PostAsync(client, form, FormClient.HiddenFields(html).Append(new(BotTrap.HoneypotField, "http://cheap-pills.example")));

        await AssertTrappedAsync(client, response, form.Path, "honeypot");
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task AFormPostedFasterThanAPersonCouldFillIt_LooksLikeSuccess_ButNothingIsStored_AndIsLogged()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var (form, html) = await RenderAsync(client, "submission");
        var before = await StoredAsync();

        var response = await PostAsync(client, form, FormClient.HiddenFields(html));

        await AssertTrappedAsync(client, response, form.Path, "too-fast");
        Assert.Equal(before, await StoredAsync());
    }

    [Theory]
    [InlineData("CfDJ8-made-up-stamp", "forged-stamp")]
    [InlineData(null, "no-stamp")]
    public async Task AForgedOrMissingFormStamp_LooksLikeSuccess_ButNothingIsStored_AndIsLogged(string? stamp, string reason)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var (form, html) = await RenderAsync(client, "submission");
        var before = await StoredAsync();
        await Task.Delay(MoreThanTheMinimum);
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", FormClient.AntiforgeryToken(html)) };
        if (stamp is not null)
            fields.Add(new(BotTrap.StampField, stamp));

        var response = await PostAsync(client, form, fields);

        await AssertTrappedAsync(client, response, form.Path, reason);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task AResidentWhoTakesTheirTime_IsServedAsUsual()
    {
        var client = app.CreateClient();
        var (form, html) = await RenderAsync(client, "submission");
        await Task.Delay(MoreThanTheMinimum);

        var response = await PostAsync(client, form, FormClient.HiddenFields(html));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var code = FormClient.TrackingCode(await response.Content.ReadAsStringAsync());
        Assert.NotNull(await app.WithAsync<OpinionQueries, TrackingView?>(q => q.GetTrackingAsync(code)));
    }

    private static TimeSpan MoreThanTheMinimum => BotTrapAppFactory.MinimumFill + TimeSpan.FromMilliseconds(200);

    /// <summary>The page holding the form of <paramref name="write"/>, as the client sees it (the rating form appears after a look-up).</summary>
    private async Task<(ResidentWrite Form, string Html)> RenderAsync(HttpClient client, string write)
    {
        var form = await ResidentWrites.ForAsync(app, write);
        switch (write)
        {
            case "rate":
                var code = await RateableCodeAsync();
                var lookUp = await client.PostFormAsync("/track", "track", [new("Code", code)]);
                return (form with { Fields = [new("Rating.Code", code), new("Rating.Rating", "Satisfied")] }, await lookUp.Content.ReadAsStringAsync());
            case "booking-cancel":
                var booking = await app.WithAsync<ReceptionBookingService, BookingReceipt>(async b =>
                    await b.BookAsync(await ResidentWrites.OpenSessionAsync(app), "赵丽", $"139{Random.Shared.Next(10_000_000, 99_999_999)}", "想当面反映小区停车难"));
                return (form with { Fields = [new("Code", booking.DisplayCode)] }, await client.GetStringOkAsync(form.PageUrl));
            default:
                return (form, await client.GetStringOkAsync(form.PageUrl));
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, ResidentWrite form, IEnumerable<KeyValuePair<string, string>> hidden) =>
        client.PostAsync(form.PageUrl, new FormUrlEncodedContent([new("_handler", form.FormName), .. hidden, .. form.Fields]));

    private async Task AssertTrappedAsync(HttpClient client, HttpResponseMessage response, string path, string reason)
    {
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(BotTrap.ReceivedPath, response.Headers.Location?.OriginalString);
        Assert.Contains("提交成功", await client.GetStringOkAsync(BotTrap.ReceivedPath), StringComparison.Ordinal);
        Assert.Contains(app.Logs.Entries, e => e.Category == SecurityAudit.Category && e.EventId.Id == 9006
            && e.Message.Contains($"path={path} reason={reason}", StringComparison.Ordinal));
    }

    /// <summary>Everything a resident's post can store or change, so that "nothing stored" covers every form.</summary>
    private Task<string> StoredAsync() =>
        app.WithAsync<IDbContextFactory<PortalDbContext>, string>(async f =>
        {
            await using var db = await f.CreateDbContextAsync();
            return string.Join(',',
                await db.Opinions.CountAsync(), await db.Satisfactions.CountAsync(), await db.OpinionSupports.CountAsync(),
                await db.PledgeRatings.CountAsync(), await db.Appointments.CountAsync(),
                await db.Appointments.CountAsync(a => a.CancelledAt != null));
        });

    private Task<string> RateableCodeAsync() =>
        app.WithAsync<IDbContextFactory<PortalDbContext>, string>(async f =>
        {
            await using var db = await f.CreateDbContextAsync();
            var codes = await db.Opinions.Where(o => o.Status == OpinionStatus.Published).Select(o => o.TrackingCode).ToListAsync();
            foreach (var code in codes)
            {
                if (await app.WithAsync<OpinionQueries, TrackingView?>(q => q.GetTrackingAsync(code)) is { CanRate: true })
                    return code;
            }

            throw new InvalidOperationException("The demo data has no answer left to rate.");
        });

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormElements();

    [GeneratedRegex("<div class=\"trap-field\" aria-hidden=\"true\">.*?</div>", RegexOptions.Singleline)]
    private static partial Regex TrapField();
}
