namespace Portal.IntegrationTests.Security;

/// <summary>The six kinds of visitor of the matrix. A = 交通运输局, B = 卫生健康局.</summary>
public enum Role
{
    Anonymous,
    HandlerA,
    HandlerB,
    Moderator,
    Leader,
    Admin,
}

/// <summary>How the portal answers a GET.</summary>
public enum Outcome
{
    /// <summary>200.</summary>
    Ok,

    /// <summary>302 to the sign-in page (anonymous visitor on a staff page).</summary>
    Login,

    /// <summary>302 to /account/denied or 403 (signed in, but not in a role the page requires).</summary>
    Denied,

    /// <summary>404: unknown, or another department's opinion (which must look exactly like an unknown one).</summary>
    NotFound,

    /// <summary>302 elsewhere in the workspace (the staff home sends each role to its own start page).</summary>
    Redirect,
}

/// <summary>One sample URL of a route, with the outcome expected for each role.</summary>
public sealed record AccessRow(string Route, string Sample, Func<DemoIds, string> Url, IReadOnlyDictionary<Role, Outcome> Expected);

/// <summary>
/// Every page and endpoint of the portal × every role (OWASP ASVS 8.1.1, 8.2.1, 8.2.2). A route that exists but has
/// no row here fails <see cref="AccessMatrixTests.EveryEndpoint_HasARowInTheMatrix"/>: a new page gets its row.
/// </summary>
public static class AccessMatrix
{
    public static readonly IReadOnlyList<Role> Roles = Enum.GetValues<Role>();

    /// <summary>Endpoints that are not pages or downloads: checked elsewhere, named here so that nothing is missed.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotInMatrix = new Dictionary<string, string>
    {
        ["/account/logout"] = "POST only: AntiforgeryTests (token required, GET is not an endpoint)",
        ["/_blazor"] = "the interactive hub: BlazorHubOriginTests",
        ["/_blazor/negotiate"] = "the interactive hub: BlazorHubOriginTests",
        ["/_blazor/disconnect/"] = "the interactive hub: BlazorHubOriginTests",
        ["/_blazor/initializers/"] = "the interactive hub: BlazorHubOriginTests",
        ["/_framework/opaque-redirect"] = "the framework's redirect helper for enhanced navigation",
        ["{**path:file}"] = "static files of the build output (UseStaticWebAssets), no data",
    };

    private static readonly Role[] Supervisors = [Role.Moderator, Role.Leader, Role.Admin];

    public static readonly IReadOnlyList<AccessRow> Rows =
    [
        // Residents' pages: open to everyone, and never a resident's contact details or another's opinion.
        Public("/"),
        Public("/published"),
        Public("/published/{Id:int}", "published opinion", ids => $"/published/{ids.PublishedOpinion}"),
        Row("/published/{Id:int}", "opinion of A not published", ids => $"/published/{ids.UnpublishedOpinion}", Everyone(Outcome.NotFound)),
        Public("/opinions/new"),
        Public("/track"),
        Public("/received"),
        Public("/statistics"),
        Public("/page/{Slug}", "guide", _ => "/page/guide"),
        Public("/pledges"),
        Public("/pledges/{Id:int}", "published pledge", ids => $"/pledges/{ids.Pledge}"),
        Public("/pledges/board", "a branch's board", ids => $"/pledges/board?branch={Uri.EscapeDataString(ids.Branch)}"),
        Public("/receptions"),
        Public("/receptions/cancel"),
        Public("/receptions/hosts/{Id:int}", "host", ids => $"/receptions/hosts/{ids.Host}"),
        Public("/receptions/studios/{Id:int}", "studio", ids => $"/receptions/studios/{ids.Studio}"),
        Public("/receptions/sessions/{Id:int}", "session", ids => $"/receptions/sessions/{ids.Session}"),
        Public("/receptions/sessions/{Id:int}/notice", "session", ids => $"/receptions/sessions/{ids.Session}/notice"),
        Public("/receptions/calendar.ics"),
        Public("/receptions/hosts/{id:int}/calendar.ics", "host", ids => $"/receptions/hosts/{ids.Host}/calendar.ics"),
        Public("/receptions/studios/{id:int}/calendar.ics", "studio", ids => $"/receptions/studios/{ids.Studio}/calendar.ics"),
        Public("/account/login"),
        Public("/account/denied"),
        // The second sign-in step without a password first goes back to the login page, whoever asks.
        Row("/account/login/two-factor", "", _ => "/account/login/two-factor", Everyone(Outcome.Login)),
        Staff("/account/two-factor", Role.HandlerA, Role.HandlerB, Role.Moderator, Role.Leader, Role.Admin),
        Staff("/account/password", Role.HandlerA, Role.HandlerB, Role.Moderator, Role.Leader, Role.Admin),
        Public("/error"),
        Public("/not-found"),
        Public("/healthz"),
        // The large-text option (大字版): a preference cookie, then back to the page; the visitor's text-size stylesheet.
        Row("/preferences/text-size", "", _ => "/preferences/text-size?size=large&returnUrl=%2Fpledges", Everyone(Outcome.Redirect)),
        Public("/preferences/text-size.css"),
        Public("/health/live"),
        Public("/health/ready"),

        // The workspace: each role starts on its own page.
        Row("/staff", "", _ => "/staff", Allow(Role.HandlerA, Role.HandlerB, Role.Moderator, Role.Leader, Role.Admin)
            .ToDictionary(p => p.Key, p => p.Value == Outcome.Ok ? Outcome.Redirect : p.Value)),
        Staff("/staff/pledges", Role.HandlerA, Role.HandlerB, Role.Moderator, Role.Leader, Role.Admin),
        Staff("/staff/inbox", Role.HandlerA, Role.HandlerB),

        // A case: its own department's handlers and supervising staff; another department's handler gets a 404.
        Row("/staff/cases/{Id:int}", "case of A", ids => $"/staff/cases/{ids.TransportCase}",
            With(Allow(Role.HandlerA, Role.Moderator, Role.Leader, Role.Admin), Role.HandlerB, Outcome.NotFound)),
        Row("/staff/cases/{Id:int}", "case of B", ids => $"/staff/cases/{ids.HealthCase}",
            With(Allow(Role.HandlerB, Role.Moderator, Role.Leader, Role.Admin), Role.HandlerA, Outcome.NotFound)),

        // Moderation.
        Staff("/staff/queue", Role.Moderator, Role.Admin),
        Staff("/staff/opinions/new", Role.Moderator, Role.Admin),
        Staff("/staff/receptions", Role.Moderator, Role.Admin),
        Row("/staff/receptions/sessions/{Id:int}", "session", ids => $"/staff/receptions/sessions/{ids.Session}", Allow(Role.Moderator, Role.Admin)),

        // Supervision and ledgers: the whole county's data, so no handler.
        Staff("/staff/overview", Supervisors),
        Staff("/staff/supervision", Supervisors),
        Staff("/staff/ledger", Supervisors),
        Row("/staff/ledger/export", "csv", _ => "/staff/ledger/export?format=csv", Allow(Supervisors)),
        Row("/staff/ledger/export", "xlsx of B", ids => $"/staff/ledger/export?format=xlsx&department={ids.HealthDepartment}", Allow(Supervisors)),
        Row("/staff/pledges/ledger.csv", "", _ => "/staff/pledges/ledger.csv", Allow(Supervisors)),
        Row("/staff/pledges/ledger.xlsx", "", _ => "/staff/pledges/ledger.xlsx", Allow(Supervisors)),
        Staff("/staff/receptions/frequency", Supervisors),
        Staff("/staff/hot-issues", Supervisors),
        Row("/staff/hot-issues/{Id:int}", "hot issue", ids => $"/staff/hot-issues/{ids.HotIssue}", Allow(Supervisors)),

        // Leaders' analysis.
        Staff("/staff/dashboard", Role.Leader, Role.Admin),
        Staff("/staff/briefings", Role.Leader, Role.Admin),
        Row("/staff/briefings/{Id:int}", "briefing", ids => $"/staff/briefings/{ids.Briefing}", Allow(Role.Leader, Role.Admin)),
        Row("/staff/briefings/{id:int}.xlsx", "briefing", ids => $"/staff/briefings/{ids.Briefing}.xlsx", Allow(Role.Leader, Role.Admin)),

        // Administration.
        Staff("/staff/admin/users", Role.Admin),
        Staff("/staff/admin/departments", Role.Admin),
        Staff("/staff/admin/calendar", Role.Admin),
        Staff("/staff/admin/pages", Role.Admin),
        Staff("/staff/admin/routing", Role.Admin),
        Staff("/staff/admin/history-import", Role.Admin),
    ];

    /// <summary>Cells as theory data: route, sample and role name each case.</summary>
    public static IEnumerable<object[]> Cells() =>
        from row in Rows from role in Roles select new object[] { row.Route, row.Sample, role };

    public static AccessRow Find(string route, string sample) => Rows.Single(r => r.Route == route && r.Sample == sample);

    private static AccessRow Public(string route) => Public(route, "", _ => route);

    private static AccessRow Public(string route, string sample, Func<DemoIds, string> url) => Row(route, sample, url, Everyone(Outcome.Ok));

    private static AccessRow Staff(string route, params Role[] allowed) => Row(route, "", _ => route, Allow(allowed));

    private static AccessRow Row(string route, string sample, Func<DemoIds, string> url, IReadOnlyDictionary<Role, Outcome> expected) =>
        new(route, sample, url, expected);

    private static Dictionary<Role, Outcome> Everyone(Outcome outcome) => Roles.ToDictionary(r => r, _ => outcome);

    /// <summary>The roles given get the page; anonymous visitors are sent to sign in; every other role is denied.</summary>
    private static Dictionary<Role, Outcome> Allow(params Role[] allowed) =>
        Roles.ToDictionary(r => r, r => allowed.Contains(r) ? Outcome.Ok : r == Role.Anonymous ? Outcome.Login : Outcome.Denied);

    private static Dictionary<Role, Outcome> With(Dictionary<Role, Outcome> expected, Role role, Outcome outcome)
    {
        expected[role] = outcome;
        return expected;
    }
}
