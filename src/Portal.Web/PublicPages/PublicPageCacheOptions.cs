namespace Portal.Web.PublicPages;

/// <summary>The output cache of residents' read pages (ADR-018). <c>OutputCache:Enabled=false</c> serves every page fresh.</summary>
public sealed class PublicPageCacheOptions
{
    public const string SectionName = "OutputCache";

    public bool Enabled { get; set; } = true;

    /// <summary>How long a copy may be served at most; changes evict it sooner (see <see cref="OutputCacheEviction"/>).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int ExpirySeconds { get; set; } = 60;
}
