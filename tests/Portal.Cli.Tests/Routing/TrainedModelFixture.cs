namespace Portal.Cli.Tests.Routing;

/// <summary>Trains one model on the fixture through <c>routing train</c> (3 folds) for the whole test class.</summary>
public sealed class TrainedModelFixture : IDisposable
{
    public TrainedModelFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("portal-cli-tests-").FullName;
        ModelPath = Path.Combine(Directory, "router.zip");
        Train = CliRun.Of("routing", "train", "--data", DataPath, "--model", ModelPath, "--folds", "3");
    }

    public static string DataPath { get; } = Path.Combine(AppContext.BaseDirectory, "Routing", "Fixtures", "routing-fixture.tsv");

    public string Directory { get; }

    public string ModelPath { get; }

    internal CliRun Train { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
