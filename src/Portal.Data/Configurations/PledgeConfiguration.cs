using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Pledges;

namespace Portal.Data.Configurations;

internal sealed class PledgeConfiguration : IEntityTypeConfiguration<Pledge>
{
    public void Configure(EntityTypeBuilder<Pledge> builder)
    {
        builder.Property(p => p.OwnerName).HasMaxLength(Pledge.MaxOwnerNameLength).IsRequired();
        builder.Property(p => p.Branch).HasMaxLength(Pledge.MaxBranchLength).IsRequired();
        builder.Property(p => p.Title).HasMaxLength(Pledge.MaxTitleLength).IsRequired();
        builder.Property(p => p.Content).HasMaxLength(Pledge.MaxContentLength).IsRequired();
        builder.Property(p => p.Area).HasMaxLength(Pledge.MaxAreaLength);
        builder.Property(p => p.FulfilmentNote).HasMaxLength(Pledge.MaxCommentLength);
        builder.Property(p => p.LeaderComment).HasMaxLength(Pledge.MaxCommentLength);
        builder.Property(p => p.OwnerUserId).HasMaxLength(450);
        builder.Property(p => p.Score).HasPrecision(5, 2);
        builder.Property(p => p.Version).IsConcurrencyToken();

        builder.HasMany(p => p.Events).WithOne().HasForeignKey(e => e.PledgeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Progress).WithOne().HasForeignKey(e => e.PledgeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Ratings).WithOne().HasForeignKey(e => e.PledgeId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(p => p.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Progress).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Assessments).WithOne().HasForeignKey(e => e.PledgeId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(p => p.Ratings).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Assessments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.IsPublic);
        builder.Ignore(p => p.IsOpenForEvaluation);

        builder.HasIndex(p => new { p.Status, p.DueDate });
        builder.HasIndex(p => new { p.Year, p.Branch });
        builder.HasIndex(p => p.OwnerUserId);
    }
}

internal sealed class PledgeEventConfiguration : IEntityTypeConfiguration<PledgeEvent>
{
    public void Configure(EntityTypeBuilder<PledgeEvent> builder)
    {
        builder.Property(e => e.ActorUserId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(Pledge.MaxOwnerNameLength).IsRequired();
        builder.Property(e => e.Note).HasMaxLength(PledgeEvent.MaxNoteLength);
        builder.HasIndex(e => new { e.PledgeId, e.OccurredAt });
    }
}

internal sealed class PledgeProgressConfiguration : IEntityTypeConfiguration<PledgeProgress>
{
    public void Configure(EntityTypeBuilder<PledgeProgress> builder)
    {
        builder.Property(e => e.Text).HasMaxLength(PledgeProgress.MaxTextLength).IsRequired();
        builder.Property(e => e.AuthorUserId).HasMaxLength(450);
        builder.Property(e => e.AuthorName).HasMaxLength(Pledge.MaxOwnerNameLength).IsRequired();
        builder.HasIndex(e => new { e.PledgeId, e.Date });
    }
}

internal sealed class PledgeRatingConfiguration : IEntityTypeConfiguration<PledgeRating>
{
    public void Configure(EntityTypeBuilder<PledgeRating> builder)
    {
        builder.Property(r => r.Comment).HasMaxLength(PledgeRating.MaxCommentLength);
        builder.Property(r => r.DeviceTokenHash).HasMaxLength(PledgeRating.DeviceTokenHashLength).IsFixedLength().IsRequired();
        builder.HasIndex(r => new { r.PledgeId, r.DeviceTokenHash }).IsUnique();
    }
}

internal sealed class PledgeAssessmentConfiguration : IEntityTypeConfiguration<PledgeAssessment>
{
    public void Configure(EntityTypeBuilder<PledgeAssessment> builder)
    {
        builder.Property(a => a.Comment).HasMaxLength(PledgeAssessment.MaxCommentLength);
        builder.Property(a => a.ReviewerUserId).HasMaxLength(450);
        builder.Property(a => a.ReviewerName).HasMaxLength(Pledge.MaxOwnerNameLength).IsRequired();
        // Backstop for "one review per reviewer per pledge" when two posts race.
        builder.HasIndex(a => new { a.PledgeId, a.Kind, a.ReviewerUserId }).IsUnique();
    }
}

internal sealed class PledgeEvaluationRoundConfiguration : IEntityTypeConfiguration<PledgeEvaluationRound>
{
    public void Configure(EntityTypeBuilder<PledgeEvaluationRound> builder)
    {
        builder.ToTable("PledgeEvaluationRounds");
        builder.Property(r => r.OpenedByName).HasMaxLength(Pledge.MaxOwnerNameLength).IsRequired();
        builder.Property(r => r.ClosedByName).HasMaxLength(Pledge.MaxOwnerNameLength);
        builder.Property(r => r.Formula).HasMaxLength(PledgeEvaluationRound.MaxFormulaLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsOpen);
        builder.HasIndex(r => r.Year).IsUnique();
    }
}
