namespace Portal.Data.Opinions;

/// <summary>Who performed a step: a staff account, the resident, or the system (router, scheduler).</summary>
/// <param name="UserId">The staff account id, or null for the resident or the system.</param>
/// <param name="Name">The name shown in the case history.</param>
public sealed record ActorRef(string? UserId, string Name)
{
    public static ActorRef Resident { get; } = new(null, "群众");

    public static ActorRef System { get; } = new(null, "系统");

    /// <summary>The department router (分类模型), when it assigns an opinion by itself.</summary>
    public static ActorRef Router { get; } = new(null, "分类模型");
}
