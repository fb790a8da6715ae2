using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Pledges;
using Portal.Moderation.Receptions;

namespace Portal.IntegrationTests.Http;

/// <summary>One anonymous write: the page that holds the form, the form's name and the fields a resident fills in.</summary>
public sealed record ResidentWrite(string PageUrl, string FormName, KeyValuePair<string, string>[] Fields)
{
    /// <summary>The page's path, as the audit log names it (never with the query string).</summary>
    public string Path => PageUrl.Split('?')[0];
}

/// <summary>Every form a person without an account can post (and the staff login), on the demo data.</summary>
public static class ResidentWrites
{
    public static TheoryData<string> Names { get; } =
        ["submission", "track", "rate", "support", "pledge-rating", "booking", "booking-cancel", "login"];

    public static async Task<ResidentWrite> ForAsync(PortalAppFactory app, string name)
    {
        ArgumentNullException.ThrowIfNull(app);
        return name switch
        {
            "submission" => new("/opinions/new", "submit-opinion", Opinion("路口红绿灯时间太短")),
            "track" => new("/track", "track", [new("Code", "AAAAA-AAAAA")]),
            "rate" => new("/track", "rate", [new("Rating.Code", "AAAAA-AAAAA"), new("Rating.Rating", "Satisfied")]),
            "support" => new($"/published/{await HotIssuePageTests.PublishedOpinionAsync(app)}?support=1", "support-opinion", [new("Support.Confirm", "true")]),
            "pledge-rating" => new($"/pledges/{await OpenPledgeAsync(app)}", "rate-pledge", [new("Rating.Rating", "Satisfied"), new("Rating.Comment", "进度看得见")]),
            "booking" => new($"/receptions/sessions/{await OpenSessionAsync(app)}", "book",
                [new("Form.Name", "李秀英"), new("Form.Phone", "13900001111"), new("Form.Topic", "村口道路积水")]),
            "booking-cancel" => new("/receptions/cancel", "cancel-booking", [new("Code", "AAAAA-AAAAA")]),
            "login" => new("/account/login", "login", [new("Input.UserName", "nobody"), new("Input.Password", "not-the-password")]),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such resident write."),
        };
    }

    public static KeyValuePair<string, string>[] Opinion(string title) =>
    [
        new("Model.Kind", "Suggestion"),
        new("Model.Title", title),
        new("Model.Body", "早晚高峰行人过不完马路，建议把绿灯时间延长一些。"),
        new("Model.ConsentToPublish", "true"),
    ];

    private static Task<int> OpenPledgeAsync(PortalAppFactory app) =>
        app.WithAsync<PledgeQueries, int>(async q => (await q.GetPublicListAsync(new PledgeFilter(Search: "推动老旧小区加装电梯"))).Items.Single().Id);

    public static Task<int> OpenSessionAsync(PortalAppFactory app) =>
        app.WithAsync<ReceptionQueries, int>(async q => (await q.UpcomingAsync()).First(s => s.BookingOpen).Id);
}
