namespace Portal.Data.Receptions;

/// <summary>A leader or deputy who receives residents; name, post and responsibilities are announced with each session.</summary>
public sealed class ReceptionHost
{
    public const int MaxNameLength = 50;
    public const int MaxPostLength = 100;
    public const int MaxResponsibilitiesLength = 500;

    private ReceptionHost()
    {
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>职务.</summary>
    public string Post { get; private set; } = "";

    /// <summary>分管工作.</summary>
    public string Responsibilities { get; private set; } = "";

    public ReceptionHostKind Kind { get; private set; }

    /// <summary>How many receptions a year the local measures require of this host (e.g. 2 for a deputy).</summary>
    public int RequiredReceptionsPerYear { get; private set; }

    /// <summary>How many households a year this host must visit (入户走访; e.g. 10 for a deputy, 0 when not required).</summary>
    public int RequiredVisitsPerYear { get; private set; }

    public bool IsActive { get; private set; } = true;

    public const int MaxPerYear = 366;

    /// <summary>Concurrency token: bumped by every edit.</summary>
    public int Version { get; private set; }

    public static ReceptionHost Create(
        string name, string post, string responsibilities, ReceptionHostKind kind, int requiredReceptionsPerYear, int requiredVisitsPerYear = 0)
    {
        var host = new ReceptionHost();
        host.Update(name, post, responsibilities, kind, requiredReceptionsPerYear, requiredVisitsPerYear);
        return host;
    }

    /// <summary>Changes what is announced about the host and their yearly targets (past sessions keep pointing to the host).</summary>
    public void Update(string name, string post, string responsibilities, ReceptionHostKind kind, int requiredReceptionsPerYear, int requiredVisitsPerYear)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(post);
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind));
        ArgumentOutOfRangeException.ThrowIfNegative(requiredReceptionsPerYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(requiredReceptionsPerYear, MaxPerYear);
        ArgumentOutOfRangeException.ThrowIfNegative(requiredVisitsPerYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(requiredVisitsPerYear, MaxPerYear);
        Name = name;
        Post = post;
        Responsibilities = responsibilities ?? "";
        Kind = kind;
        RequiredReceptionsPerYear = requiredReceptionsPerYear;
        RequiredVisitsPerYear = requiredVisitsPerYear;
        Version++;
    }
}
