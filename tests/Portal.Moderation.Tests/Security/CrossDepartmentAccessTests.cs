using Microsoft.EntityFrameworkCore;
using Portal.Data.Opinions;
using Portal.Data.Staff;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Security;

/// <summary>
/// Ids forged in an interactive event reach the services unchecked by any page, so the services refuse them
/// (ASVS 8.2.2): every step and every read that takes an opinion id and a <see cref="StaffActor"/>, called by the
/// handler of another department (交通局, for an opinion of 住建局) in a state where the step is legal, is refused
/// and leaves the opinion exactly as it was.
/// </summary>
public sealed class CrossDepartmentAccessTests : IAsyncLifetime
{
    private static readonly DateOnly NewLastDay = new(2026, 3, 27);

    private WorkflowHarness _h = null!;

    /// <summary>Step name → the state in which it is legal, the exception the wrong actor gets, and the call.</summary>
    private static readonly Dictionary<string, (OpinionStatus State, Type Refusal, Func<WorkflowHarness, int, int, StaffActor, Task> Call)> Steps = new()
    {
        ["accept"] = (OpinionStatus.Assigned, typeof(OpinionNotFoundException), (h, id, v, a) => h.Workflow.AcceptAsync(id, v, a)),
        ["return"] = (OpinionStatus.Assigned, typeof(OpinionNotFoundException), (h, id, v, a) => h.Workflow.ReturnAsync(id, v, "不属本部门", a)),
        ["complete"] = (OpinionStatus.InProgress, typeof(OpinionNotFoundException), (h, id, v, a) => h.Workflow.CompleteAsync(id, v, WorkflowHarness.Draft(), a)),
        ["request extension"] = (OpinionStatus.InProgress, typeof(OpinionNotFoundException), (h, id, _, a) => h.Extensions.RequestAsync(id, NewLastDay, "人手不足", a)),
        ["register"] = (OpinionStatus.Submitted, typeof(WorkflowAccessDeniedException), (h, id, v, a) => h.Workflow.RegisterAsync(id, v, a)),
        ["reject"] = (OpinionStatus.Submitted, typeof(WorkflowAccessDeniedException), (h, id, v, a) => h.Workflow.RejectAsync(id, v, "无关内容", a)),
        ["merge"] = (OpinionStatus.Registered, typeof(WorkflowAccessDeniedException), (h, id, v, a) => h.Workflow.MergeAsync(id, v, "ABCDE-FGHJK", a)),
        ["assign to own department"] = (OpinionStatus.Registered, typeof(WorkflowAccessDeniedException), (h, id, v, a) => h.Workflow.AssignAsync(id, v, a.DepartmentId!.Value, null, a)),
        ["request revision"] = (OpinionStatus.Completed, typeof(WorkflowAccessDeniedException), (h, id, v, a) => h.Workflow.RequestRevisionAsync(id, v, "请补充", a)),
        ["read publication draft"] = (OpinionStatus.Completed, typeof(WorkflowAccessDeniedException), (h, id, _, a) => h.Workflow.GetPublicationDraftAsync(id, a)),
        ["publish own text"] = (OpinionStatus.Completed, typeof(WorkflowAccessDeniedException), (h, id, v, a) => h.Workflow.PublishAsync(id, v, new PublicationDraft("标题", "承办人改写的公开内容", "答复"), a)),
        ["change case owner"] = (OpinionStatus.InProgress, typeof(WorkflowAccessDeniedException), (h, id, v, a) => h.Workflow.ChangeCaseOwnerAsync(id, v, a.UserId, a)),
        ["search merge candidates"] = (OpinionStatus.Registered, typeof(WorkflowAccessDeniedException), (h, id, _, a) => h.Queries.GetMergeCandidatesAsync(id, null, a)),
    };

    public static TheoryData<string> StepNames => new(Steps.Keys);

    public async Task InitializeAsync() => _h = await WorkflowHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [MemberData(nameof(StepNames))]
    public async Task AStepByTheHandlerOfAnotherDepartment_IsRefused_AndChangesNothing(string step)
    {
        var (state, refusal, call) = Steps[step];
        var id = await _h.OpinionInAsync(state, _h.UrbanId);
        var before = await StateAsync(id);

        var error = await Record.ExceptionAsync(async () => await call(_h, id, before.Version, _h.TransportHandler));

        Assert.IsType(refusal, error);
        Assert.Equal(before, await StateAsync(id));
    }

    [Fact]
    public async Task TheCaseOfAnotherDepartment_ReadsAsUnknown_ForItsHandler_AndForStaffWhoAreNoHandlers()
    {
        var id = await _h.OpinionInAsync(OpinionStatus.InProgress, _h.UrbanId);
        var partyMemberOfUrban = new StaffActor("party-1", "党员", new HashSet<string> { StaffRoles.PartyMember }, _h.UrbanId);

        Assert.Null(await _h.Queries.GetCaseAsync(id, _h.TransportHandler));
        Assert.Null(await _h.Queries.GetCaseAsync(id, partyMemberOfUrban));
        Assert.NotNull(await _h.Queries.GetCaseAsync(id, _h.UrbanHandler));
    }

    [Fact]
    public async Task TheSupervisionOfAnotherDepartmentsCase_IsEmpty_ForItsHandler_AndForStaffWhoAreNoHandlers()
    {
        var id = await _h.OpinionInAsync(OpinionStatus.InProgress, _h.UrbanId);
        await _h.Extensions.RequestAsync(id, NewLastDay, "需等待第三方检测报告", _h.UrbanHandler);
        var partyMemberOfUrban = new StaffActor("party-1", "党员", new HashSet<string> { StaffRoles.PartyMember }, _h.UrbanId);

        var forOther = await _h.SupervisionQueries.GetCaseAsync(id, _h.TransportHandler);
        var forPartyMember = await _h.SupervisionQueries.GetCaseAsync(id, partyMemberOfUrban);
        var forOwn = await _h.SupervisionQueries.GetCaseAsync(id, _h.UrbanHandler);

        Assert.Empty(forOther.Extensions);
        Assert.Empty(forPartyMember.Extensions);
        Assert.Single(forOwn.Extensions);
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("refuse")]
    public async Task AnExtensionDecidedByAHandler_IsRefused_AndStaysPending(string decision)
    {
        var id = await _h.OpinionInAsync(OpinionStatus.InProgress, _h.UrbanId);
        await _h.Extensions.RequestAsync(id, NewLastDay, "人手不足", _h.UrbanHandler);
        var request = (await _h.SupervisionQueries.GetCaseAsync(id, _h.Leader)).Extensions.Single();
        var before = await StateAsync(id);

        foreach (var handler in new[] { _h.UrbanHandler, _h.TransportHandler })
        {
            await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => decision == "approve"
                ? _h.Extensions.ApproveAsync(request.Id, "同意", handler)
                : _h.Extensions.RefuseAsync(request.Id, "不同意", handler));
        }

        Assert.Equal(before, await StateAsync(id));
        Assert.Equal(request.Status, (await _h.SupervisionQueries.GetCaseAsync(id, _h.Leader)).Extensions.Single().Status);
    }

    /// <summary>Everything a refused step could have touched.</summary>
    private async Task<OpinionState> StateAsync(int id)
    {
        await using var db = _h.Database.CreateDbContext();
        var o = await db.Opinions.AsNoTracking().SingleAsync(x => x.Id == id);
        return new OpinionState(o.Version, o.Status, o.DepartmentId, o.Deadline, o.CaseOwnerName, o.PublicBody,
            await db.OpinionEvents.CountAsync(e => e.OpinionId == id), await db.DeadlineExtensions.CountAsync(e => e.OpinionId == id));
    }

    private sealed record OpinionState(int Version, OpinionStatus Status, int? DepartmentId, DateTime? Deadline, string? CaseOwner, string? PublicBody, int Events, int Extensions);
}
