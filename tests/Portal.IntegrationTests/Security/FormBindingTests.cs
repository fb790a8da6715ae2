using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Opinions;

namespace Portal.IntegrationTests.Security;

/// <summary>
/// Fields a visitor may not set are not there to be set (ASVS 15.3.3): the models that forms post into carry
/// no workflow fields, and fields added to a post by hand are ignored.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class FormBindingTests(PortalAppFactory app)
{
    /// <summary>What only the workflow, moderators or leaders set: never bound from a post.</summary>
    private static readonly HashSet<string> WorkflowFields =
    [
        "Id", "OpinionId", "Status", "Department", "DepartmentId", "Channel", "Version", "TrackingCode", "PublicTitle", "PublicBody",
        "PublicReply", "SuggestedDepartmentId", "SuggestionConfidence", "CaseOwnerName", "CaseOwnerUserId", "Deadline", "CreatedAt",
        "PublishedAt", "CompletedAt", "ReopenCount", "Score", "Grade", "LeaderComment", "Role", "Roles", "IsAdmin", "Branch",
    ];

    [Fact]
    public void NoModelThatAFormPostsInto_HasAWorkflowField()
    {
        var models = typeof(Portal.Web.PortalOptions).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(p => p.GetCustomAttribute<SupplyParameterFromFormAttribute>() is not null)
            .Select(p => p.PropertyType)
            .Where(t => t != typeof(string))
            .Append(typeof(HandlingResultDraft)) // what a handler's completion form hands to the workflow
            .Distinct()
            .ToList();

        Assert.Contains(typeof(SubmitOpinionInput), models);
        Assert.All(models, model => Assert.DoesNotContain(model.GetProperties(), p => WorkflowFields.Contains(p.Name)));
    }

    [Fact]
    public async Task AResidentPostingWorkflowFields_GetsAnOrdinaryNewOpinion()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var title = "伪造字段的意见" + Guid.NewGuid().ToString("N")[..6];

        var response = await client.PostFormAsync("/opinions/new", "submit-opinion",
        [
            new("Model.Kind", "Suggestion"), new("Model.Title", title), new("Model.Body", "建议在东关路口增设红绿灯。"),
            new("Model.ConsentToPublish", "true"),
            new("Model.Status", "Published"), new("Model.DepartmentId", "1"), new("Model.Channel", "Reception"),
            new("Model.TrackingCode", "AAAAA-AAAAA"), new("Model.PublicTitle", "伪造的公开标题"), new("Model.Version", "9"),
            new("Model.SuggestedDepartmentId", "1"), new("Model.CaseOwnerName", "伪造的包案人"), new("Status", "Published"), new("DepartmentId", "1"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await app.WithAsync<IDbContextFactory<PortalDbContext>, Opinion>(async f =>
        {
            await using var db = await f.CreateDbContextAsync();
            return await db.Opinions.AsNoTracking().SingleAsync(o => o.Title == title);
        });
        Assert.Equal(OpinionStatus.Submitted, stored.Status);
        Assert.Equal(OpinionChannel.OpinionBox, stored.Channel);
        Assert.Null(stored.DepartmentId);
        Assert.Null(stored.PublicTitle);
        Assert.Null(stored.CaseOwnerName);
        Assert.NotEqual("AAAAAAAAAA", stored.TrackingCode);
        Assert.Equal(FormClient.TrackingCode(await response.Content.ReadAsStringAsync()).Replace("-", "", StringComparison.Ordinal), stored.TrackingCode);
    }
}
