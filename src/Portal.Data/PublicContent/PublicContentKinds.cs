namespace Portal.Data.PublicContent;

/// <summary>What residents see on the public pages, in the groups that change together.</summary>
[Flags]
public enum PublicContentKinds
{
    None = 0,

    /// <summary>Published opinions and their answers, adoption and support counts (home, 公示 list and detail).</summary>
    Opinions = 1,

    /// <summary>Public pledges, their progress, ratings and evaluation (承诺践诺 pages and boards).</summary>
    Pledges = 2,

    /// <summary>Reception days, hosts, studios and bookings (接待日 pages).</summary>
    Receptions = 4,

    /// <summary>Something every public page shows (department names, the footer's content pages).</summary>
    All = Opinions | Pledges | Receptions | 8,
}

/// <summary>
/// Told when a saved change alters what residents see, so that copies of public pages (the web layer's output
/// cache) are dropped at once. Called after the change is committed to the database.
/// </summary>
public interface IPublicContentListener
{
    ValueTask ChangedAsync(PublicContentKinds kinds, CancellationToken cancellationToken = default);
}
