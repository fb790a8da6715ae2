using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Departments;
using Portal.Data.Opinions;

namespace Portal.Data.Configurations;

internal sealed class OpinionConfiguration : IEntityTypeConfiguration<Opinion>
{
    public void Configure(EntityTypeBuilder<Opinion> builder)
    {
        builder.Property(o => o.TrackingCode).HasMaxLength(TrackingCodes.Length).IsRequired();
        builder.HasIndex(o => o.TrackingCode).IsUnique();
        builder.HasIndex(o => o.SubmissionKey).IsUnique();
        builder.Property(o => o.Title).HasMaxLength(Opinion.MaxTitleLength).IsRequired();
        builder.Property(o => o.Body).HasMaxLength(Opinion.MaxBodyLength).IsRequired();
        builder.Property(o => o.Area).HasMaxLength(Opinion.MaxAreaLength);
        builder.Property(o => o.ResidentName).HasMaxLength(Opinion.MaxNameLength);
        builder.Property(o => o.ResidentContact).HasMaxLength(Opinion.MaxContactLength);
        builder.Property(o => o.CaseOwnerId).HasMaxLength(450);
        builder.Property(o => o.CaseOwnerName).HasMaxLength(Opinion.MaxNameLength);
        builder.Property(o => o.RejectionReason).HasMaxLength(Opinion.MaxReasonLength);
        builder.Property(o => o.ReturnReason).HasMaxLength(Opinion.MaxReasonLength);
        builder.Property(o => o.PublicTitle).HasMaxLength(Opinion.MaxTitleLength);
        builder.Property(o => o.PublicBody).HasMaxLength(Opinion.MaxBodyLength);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Property(o => o.Suggestions)
            .HasConversion(SuggestionsConversion.Converter, SuggestionsConversion.Comparer)
            .HasMaxLength(400)
            .HasDefaultValueSql("'[]'")
            .IsRequired();

        builder.HasOne(o => o.Department).WithMany().HasForeignKey(o => o.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(o => o.SuggestedDepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Opinion>().WithMany().HasForeignKey(o => o.MergedIntoId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(o => o.Events).WithOne().HasForeignKey(e => e.OpinionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Results).WithOne().HasForeignKey(r => r.OpinionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Ratings).WithOne().HasForeignKey(r => r.OpinionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(o => o.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(o => o.Results).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(o => o.Ratings).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.Ignore(o => o.CurrentResult);
        builder.Ignore(o => o.Round);
        builder.Ignore(o => o.IsPubliclyListed);
        builder.Ignore(o => o.CanBeRated);
        builder.Ignore(o => o.IsUnderDeadline);
        builder.Ignore(o => o.IsImported);

        builder.Property(o => o.ImportKey).HasMaxLength(64);
        builder.HasIndex(o => o.ImportKey).IsUnique().HasFilter("ImportKey IS NOT NULL");
        // No foreign key to OpinionImportBatches: adding one to an existing table makes SQLite rebuild Opinions.
        builder.HasIndex(o => o.ImportBatchId);

        builder.HasIndex(o => new { o.Status, o.CreatedAt });
        builder.HasIndex(o => new { o.DepartmentId, o.Status });
        builder.HasIndex(o => o.PublishedAt);
        builder.HasIndex(o => o.FirstAssignedAt);
        // The leaders' dashboard counts by these instants over a period (ADR-009); the two wide ones cover
        // the dashboard's filters and groupings so that its aggregations never read the table itself.
        builder.HasIndex(o => new { o.CreatedAt, o.DepartmentId, o.Kind, o.Channel, o.Area })
            .HasDatabaseName("IX_Opinions_Dashboard_Received");
        builder.HasIndex(o => new { o.CompletedAt, o.Status, o.Deadline, o.CreatedAt, o.DepartmentId, o.Kind, o.Channel, o.Area })
            .HasDatabaseName("IX_Opinions_Dashboard_Completed");
        builder.HasIndex(o => o.RegisteredAt);
        builder.HasIndex(o => new { o.Status, o.Deadline });
        // The public list (ADR-018): Status = Published in index order of the newest answer first, and a count that
        // never reads a row for the consent, department and kind filters (measured at 100,000 opinions).
        builder.HasIndex(o => new { o.Status, o.PublishedAt, o.Id, o.ConsentToPublish, o.DepartmentId, o.Kind })
            .HasDatabaseName("IX_Opinions_PublicList");
    }
}

/// <summary>Stores the ranked suggestions as a small JSON array.</summary>
internal static class SuggestionsConversion
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ValueConverter<IReadOnlyList<DepartmentSuggestion>, string> Converter { get; } = new(
        list => JsonSerializer.Serialize(list, Options),
        json => string.IsNullOrEmpty(json) ? new List<DepartmentSuggestion>() : JsonSerializer.Deserialize<List<DepartmentSuggestion>>(json, Options) ?? new List<DepartmentSuggestion>());

    public static ValueComparer<IReadOnlyList<DepartmentSuggestion>> Comparer { get; } = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, s) => HashCode.Combine(hash, s.GetHashCode())),
        list => list.ToList());
}

internal sealed class OpinionImportBatchConfiguration : IEntityTypeConfiguration<OpinionImportBatch>
{
    public void Configure(EntityTypeBuilder<OpinionImportBatch> builder)
    {
        builder.Property(b => b.FileName).HasMaxLength(OpinionImportBatch.MaxFileNameLength).IsRequired();
        builder.Property(b => b.FileSha256).HasMaxLength(64).IsRequired();
        builder.Property(b => b.ImportedByUserId).HasMaxLength(450);
        builder.Property(b => b.ImportedByName).HasMaxLength(Opinion.MaxNameLength).IsRequired();
    }
}

internal sealed class OpinionEventConfiguration : IEntityTypeConfiguration<OpinionEvent>
{
    public void Configure(EntityTypeBuilder<OpinionEvent> builder)
    {
        builder.Property(e => e.ActorUserId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(Opinion.MaxNameLength).IsRequired();
        builder.Property(e => e.Note).HasMaxLength(OpinionEvent.MaxNoteLength);
        builder.HasIndex(e => new { e.OpinionId, e.OccurredAt });
    }
}

internal sealed class HandlingResultConfiguration : IEntityTypeConfiguration<HandlingResult>
{
    public void Configure(EntityTypeBuilder<HandlingResult> builder)
    {
        builder.Property(r => r.ActionsTaken).HasMaxLength(HandlingResult.MaxActionsLength).IsRequired();
        builder.Property(r => r.ReplyText).HasMaxLength(HandlingResult.MaxReplyLength).IsRequired();
        builder.Property(r => r.PublicReply).HasMaxLength(HandlingResult.MaxReplyLength);
        builder.Property(r => r.AdoptionReason).HasMaxLength(HandlingResult.MaxAdoptionReasonLength);
        builder.Property(r => r.WrittenByUserId).HasMaxLength(450);
        builder.Property(r => r.WrittenByName).HasMaxLength(Opinion.MaxNameLength).IsRequired();
        builder.Property(r => r.SignedOffBy).HasMaxLength(HandlingResult.MaxSignedOffByLength).IsRequired();
    }
}

internal sealed class SatisfactionConfiguration : IEntityTypeConfiguration<Satisfaction>
{
    public void Configure(EntityTypeBuilder<Satisfaction> builder)
    {
        builder.Property(s => s.Comment).HasMaxLength(Satisfaction.MaxCommentLength);
        builder.HasIndex(s => new { s.OpinionId, s.Round }).IsUnique();
        builder.HasIndex(s => s.RatedAt);
    }
}
