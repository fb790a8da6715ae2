namespace Portal.Data.Diagnostics;

/// <summary>
/// Counts the SQL commands EF Core sends within a scope that flows with the async context (one web request,
/// one test). <see cref="Begin"/> opens a scope; every command executed below it, on any DbContext of this
/// process, adds one (see <see cref="DbCommandCountingInterceptor"/>). Outside a scope nothing is counted and
/// nothing is allocated.
/// </summary>
public static class DbCommandCounter
{
    private static readonly AsyncLocal<DbCommandScope?> CurrentScope = new();

    /// <summary>Opens a counting scope for the current async flow; dispose it to stop counting there.</summary>
    public static DbCommandScope Begin()
    {
        var scope = new DbCommandScope(CurrentScope.Value);
        CurrentScope.Value = scope;
        return scope;
    }

    internal static void Record() => CurrentScope.Value?.Add();

    internal static void End(DbCommandScope scope)
    {
        if (CurrentScope.Value == scope)
            CurrentScope.Value = scope.Outer;
    }
}

/// <summary>The commands counted since <see cref="DbCommandCounter.Begin"/>; an inner scope also counts for the outer one.</summary>
public sealed class DbCommandScope : IDisposable
{
    private int _count;

    internal DbCommandScope(DbCommandScope? outer) => Outer = outer;

    internal DbCommandScope? Outer { get; }

    public int Count => Volatile.Read(ref _count);

    internal void Add()
    {
        for (var scope = this; scope is not null; scope = scope.Outer)
            Interlocked.Increment(ref scope._count);
    }

    public void Dispose() => DbCommandCounter.End(this);
}
