using Portal.Data.Opinions;
using Portal.Data.Pledges;

namespace Portal.Data.Tests.Pledges;

/// <summary>Builds pledges in a given state through the real transitions.</summary>
internal static class PledgeScenario
{
    public static readonly DateTime Start = new(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime StepTime = Start.AddDays(10);
    public static readonly DateOnly Due = new(2026, 6, 30);
    public static readonly ActorRef Secretary = new("u-secretary", "王建华");
    public static readonly ActorRef Leader = new("u-leader", "赵书记");
    public static readonly string DeviceA = new('a', 64);
    public static readonly string DeviceB = new('b', 64);
    public static readonly ActorRef Owner = new("u-owner", "刘海燕");
    public static readonly ActorRef Peer = new("u-peer", "孙晓东");
    public const string Branch = "城关社区党支部";

    public static PledgeDraft Draft() => new(
        "刘海燕", Branch, PledgeKind.Annual, 2026, "为独居老人每月上门一次", "每月走访辖区 12 户独居老人，帮助解决生活难题。", "城关镇", Due, Owner.UserId);

    public static Pledge InState(PledgeStatus status)
    {
        var pledge = Pledge.Propose(Draft(), Secretary, Start);
        if (status == PledgeStatus.Proposed)
            return pledge;
        pledge.Publish(Secretary, Start.AddDays(1));
        switch (status)
        {
            case PledgeStatus.Published:
                break;
            case PledgeStatus.Fulfilled:
                pledge.MarkFulfilled("已全部走访", Secretary, Start.AddDays(5));
                break;
            case PledgeStatus.Overdue:
                pledge.MarkOverdue(Due.AddDays(1), StepTime);
                break;
            case PledgeStatus.Evaluated:
                pledge.MarkFulfilled(null, Secretary, Start.AddDays(5));
                pledge.LeaderReview(PledgeGrade.Excellent, "践诺扎实，群众认可。", Leader, Start.AddDays(6));
                pledge.Evaluate(PledgeGrade.Excellent, 95m, Leader, Start.AddDays(6));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status));
        }

        return pledge;
    }
}
