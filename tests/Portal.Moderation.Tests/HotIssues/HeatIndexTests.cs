using Portal.Moderation.HotIssues;

namespace Portal.Moderation.Tests.HotIssues;

public sealed class HeatIndexTests
{
    private static readonly DateTime Now = new(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Compute_WeighsDistinctResidentsFully_RepeatsHalf_AndSupportsLogarithmically()
    {
        Assert.Equal(5, HeatIndex.Compute(5, 5, 0, Now, Now, 14));
        Assert.Equal(3.5, HeatIndex.Compute(5, 2, 0, Now, Now, 14));
        Assert.Equal(Math.Round(5 + (3 * Math.Log(11)), 2), HeatIndex.Compute(5, 5, 10, Now, Now, 14));
    }

    [Fact]
    public void Compute_HalvesEveryHalfLife()
    {
        Assert.Equal(4, HeatIndex.Compute(8, 8, 0, Now.AddDays(-14), Now, 14));
        Assert.Equal(2, HeatIndex.Compute(8, 8, 0, Now.AddDays(-28), Now, 14));
    }

    [Fact]
    public void Compute_TenResidentsOutrankOneResidentWritingTenTimes()
    {
        var broad = HeatIndex.Compute(10, 10, 0, Now, Now, 14);
        var loud = HeatIndex.Compute(10, 1, 0, Now, Now, 14);

        Assert.Equal(10, broad);
        Assert.Equal(5.5, loud);
    }

    [Fact]
    public void Compute_SupportsHaveDiminishingReturns()
    {
        var ten = HeatIndex.Compute(1, 1, 10, Now, Now, 14) - 1;
        var hundred = HeatIndex.Compute(1, 1, 100, Now, Now, 14) - 1;

        Assert.InRange(hundred / ten, 1.8, 2.0);
    }
}
