using Portal.Data.Receptions;
using Portal.Moderation.Receptions;

namespace Portal.Moderation.Tests.Receptions;

public sealed class MonthGridTests
{
    [Fact]
    public void Build_CoversWholeWeeksFromMonday_AndPlacesSessionsOnTheirLocalDay()
    {
        var session = Session(new DateTime(2026, 11, 24, 8, 30, 0));

        var grid = MonthGrid.Build(2026, 11, [session], new DateOnly(2026, 11, 24));

        Assert.Equal(6, grid.Weeks.Count); // 2026-10-26 … 2026-12-06
        Assert.All(grid.Weeks, w => Assert.Equal(7, w.Count));
        Assert.Equal(new DateOnly(2026, 10, 26), grid.Weeks[0][0].Date);
        Assert.False(grid.Weeks[0][0].InMonth);
        var day = grid.Weeks.SelectMany(w => w).Single(d => d.Date == new DateOnly(2026, 11, 24));
        Assert.True(day.IsToday);
        Assert.Equal(session.Id, Assert.Single(day.Sessions).Id);
        Assert.Equal((2026, 10), grid.Previous);
        Assert.Equal((2026, 12), grid.Next);
    }

    [Fact]
    public void Navigation_CrossesTheYear()
    {
        var january = MonthGrid.Build(2027, 1, [], new DateOnly(2026, 11, 24));

        Assert.Equal((2026, 12), january.Previous);
        Assert.Equal((2027, 2), MonthGrid.Build(2027, 1, [], default).Next);
        Assert.Equal((2028, 1), MonthGrid.Build(2027, 12, [], default).Next);
    }

    [Theory]
    [InlineData("2026-11", 2026, 11)]
    [InlineData("2027-01", 2027, 1)]
    public void Parse_ReadsYearAndMonth(string text, int year, int month) => Assert.Equal((year, month), MonthGrid.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("1900-01")]
    [InlineData("2026/11")]
    [InlineData("-2026-1")]
    [InlineData("abcd-ef")]
    public void Parse_RefusesWhatIsNotAMonth(string? text) => Assert.Null(MonthGrid.Parse(text));

    private static SessionListItem Session(DateTime startsLocal) => new(
        7, 1, "陈建国", "县委副书记", "党建", ReceptionHostKind.Leader, startsLocal.AddHours(-8), startsLocal.AddHours(-5), startsLocal, startsLocal.AddHours(3),
        null, null, "清河县人民来访接待中心", ReceptionMethod.FixedPlace, null, 8, 0, ReceptionSessionStatus.Scheduled, null, startsLocal.AddDays(-1), true, 1);
}
