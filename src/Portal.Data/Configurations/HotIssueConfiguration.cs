using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.HotIssues;
using Portal.Data.Opinions;

namespace Portal.Data.Configurations;

internal sealed class HotIssueGroupConfiguration : IEntityTypeConfiguration<HotIssueGroup>
{
    public void Configure(EntityTypeBuilder<HotIssueGroup> builder)
    {
        builder.Property(g => g.Title).HasMaxLength(HotIssueGroup.MaxTitleLength).IsRequired();
        builder.Property(g => g.HandledNote).HasMaxLength(HotIssueGroup.MaxNoteLength);
        builder.Property(g => g.HandledByName).HasMaxLength(Opinion.MaxNameLength);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Events).WithOne().HasForeignKey(e => e.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(g => g.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(g => g.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(g => g.IsOpen);
        builder.HasIndex(g => new { g.Status, g.LastAt });
        builder.HasIndex(g => g.LastAt);
    }
}

internal sealed class HotIssueMemberConfiguration : IEntityTypeConfiguration<HotIssueMember>
{
    public void Configure(EntityTypeBuilder<HotIssueMember> builder)
    {
        builder.HasOne<Opinion>().WithMany().HasForeignKey(m => m.OpinionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.OpinionId).IsUnique();
        builder.HasIndex(m => new { m.GroupId, m.OpinionAt });
    }
}

internal sealed class HotIssueEventConfiguration : IEntityTypeConfiguration<HotIssueEvent>
{
    public void Configure(EntityTypeBuilder<HotIssueEvent> builder)
    {
        builder.Property(e => e.ActorUserId).HasMaxLength(450);
        builder.Property(e => e.ActorName).HasMaxLength(Opinion.MaxNameLength).IsRequired();
        builder.Property(e => e.Note).HasMaxLength(HotIssueEvent.MaxNoteLength);
        builder.HasIndex(e => new { e.GroupId, e.OccurredAt });
    }
}

internal sealed class OpinionSupportConfiguration : IEntityTypeConfiguration<OpinionSupport>
{
    public void Configure(EntityTypeBuilder<OpinionSupport> builder)
    {
        builder.Property(s => s.DeviceTokenHash).HasMaxLength(OpinionSupport.HashLength).IsFixedLength().IsRequired();
        builder.Property(s => s.IpHash).HasMaxLength(OpinionSupport.HashLength).IsFixedLength().IsRequired();
        builder.HasOne<Opinion>().WithMany().HasForeignKey(s => s.OpinionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.OpinionId, s.DeviceTokenHash }).IsUnique();
        builder.HasIndex(s => new { s.IpHash, s.SupportedAt });
    }
}
