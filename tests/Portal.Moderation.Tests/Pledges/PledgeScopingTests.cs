using System.ComponentModel.DataAnnotations;
using Portal.Data.Pledges;
using Portal.Data.Staff;
using Portal.Moderation.Pledges;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Tests.Pledges;

/// <summary>Branch secretaries act for their own branch only; members post progress on their own pledges only.</summary>
public sealed class PledgeScopingTests : IAsyncLifetime
{
    private PledgeTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await PledgeTestBed.CreateAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task Secretary_CreatesAndPublishesForTheirOwnBranch()
    {
        var input = _bed.Input();
        input.Branch = null;

        var id = await _bed.Service.CreateAsync(input, _bed.Secretary);
        await _bed.Service.PublishAsync(id, 0, _bed.Secretary);

        var item = Assert.Single(await _bed.Queries.GetStaffListAsync(_bed.Secretary));
        Assert.Equal((PledgeTestBed.Community, PledgeStatus.Published, "mem-owner"), (item.Branch, item.Status, item.OwnerUserId));
    }

    [Fact]
    public async Task Secretary_CannotCreateForAnotherBranch()
    {
        var error = await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => _bed.Service.CreateAsync(_bed.Input(PledgeTestBed.Health, null), _bed.Secretary));

        Assert.Equal("党支部书记只能为本支部（城关社区党支部）提出承诺。", error.Message);
    }

    [Fact]
    public async Task Secretary_CannotPublishOrFulfilAnotherBranchsPledge()
    {
        var id = await _bed.Service.CreateAsync(_bed.Input(PledgeTestBed.Health, null), _bed.Moderator);

        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => _bed.Service.PublishAsync(id, 0, _bed.Secretary));
        await _bed.Service.PublishAsync(id, 0, _bed.Moderator);
        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => _bed.Service.MarkFulfilledAsync(id, 1, null, _bed.Secretary));
    }

    [Fact]
    public async Task Members_CannotCreateOrPublish()
    {
        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => _bed.Service.CreateAsync(_bed.Input(), _bed.Owner));
        var id = await _bed.Service.CreateAsync(_bed.Input(), _bed.Moderator);

        await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => _bed.Service.PublishAsync(id, 0, _bed.Owner));
    }

    [Fact]
    public async Task Member_PostsProgressOnlyOnTheirOwnPledge()
    {
        var id = await _bed.PublishedAsync();

        await _bed.Service.AddProgressAsync(id, 1, new DateOnly(2026, 3, 1), "走访 5 户", _bed.Owner);
        var error = await Assert.ThrowsAsync<WorkflowAccessDeniedException>(() => _bed.Service.AddProgressAsync(id, 2, new DateOnly(2026, 3, 1), "替他写", _bed.Peer));

        Assert.Equal("只能为自己的承诺记录践诺进展。", error.Message);
        Assert.Equal(1, Assert.Single(await _bed.Queries.GetStaffListAsync(_bed.Moderator)).ProgressCount);
    }

    [Fact]
    public async Task Create_WithAnOwnerAccountOfAnotherBranch_IsRefused()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => _bed.Service.CreateAsync(_bed.Input(ownerUserId: "mem-health"), _bed.Moderator));

        Assert.Equal("承诺人账号不属于该党支部。", error.Message);
    }

    [Fact]
    public async Task StaffList_ShowsAllToSupervisors_TheBranchToMembers_AndNothingToOthers()
    {
        await _bed.PublishedAsync();
        await _bed.PublishedAsync(PledgeTestBed.Health);
        var handler = new StaffActor("hand-1", "承办人丙", new HashSet<string> { StaffRoles.Handler }, 1);

        Assert.Equal(2, (await _bed.Queries.GetStaffListAsync(_bed.Leader)).Count);
        Assert.Equal([PledgeTestBed.Community], (await _bed.Queries.GetStaffListAsync(_bed.Peer)).Select(i => i.Branch));
        Assert.Equal([PledgeTestBed.Health], (await _bed.Queries.GetStaffListAsync(_bed.Outsider)).Select(i => i.Branch));
        Assert.Empty(await _bed.Queries.GetStaffListAsync(handler));
    }

    [Fact]
    public async Task Reminders_GoToTheOwnerTheSecretaryAndSupervisors_NotToOtherMembers()
    {
        var overdue = await _bed.PublishedAsync(due: new DateOnly(2026, 2, 28));
        var soon = await _bed.PublishedAsync(due: new DateOnly(2026, 3, 10));
        await _bed.PublishedAsync(due: new DateOnly(2026, 9, 30));
        var health = await _bed.PublishedAsync(PledgeTestBed.Health, due: new DateOnly(2026, 3, 5));

        var owner = await _bed.Queries.GetRemindersAsync(_bed.Owner);
        var secretary = await _bed.Queries.GetRemindersAsync(_bed.Secretary);
        var peer = await _bed.Queries.GetRemindersAsync(_bed.Peer);
        var moderator = await _bed.Queries.GetRemindersAsync(_bed.Moderator);

        Assert.Equal([overdue], owner.Overdue.Select(i => i.Id));
        Assert.Equal([soon], owner.DueSoon.Select(i => i.Id));
        Assert.Equal(2, secretary.Count);
        Assert.Equal(0, peer.Count);
        Assert.Equal([overdue], moderator.Overdue.Select(i => i.Id));
        Assert.Equal([health, soon], moderator.DueSoon.Select(i => i.Id));
    }

    [Fact]
    public async Task Reminders_UseTheConfiguredDueSoonWindow()
    {
        _bed.PledgeOptions.DueSoonDays = 3;
        var inFive = await _bed.PublishedAsync(due: new DateOnly(2026, 3, 6));
        var inThree = await _bed.PublishedAsync(due: new DateOnly(2026, 3, 4));

        var reminders = await _bed.Queries.GetRemindersAsync(_bed.Moderator);

        Assert.Equal([inThree], reminders.DueSoon.Select(i => i.Id));
        Assert.DoesNotContain(inFive, reminders.DueSoon.Select(i => i.Id));
        Assert.Equal(3, reminders.DueSoonDays);
    }
}
