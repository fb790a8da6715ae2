using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Opinions;
using Portal.Data.Receptions;

namespace Portal.Data.Configurations;

internal sealed class ReceptionHostConfiguration : IEntityTypeConfiguration<ReceptionHost>
{
    public void Configure(EntityTypeBuilder<ReceptionHost> builder)
    {
        builder.Property(h => h.Name).HasMaxLength(ReceptionHost.MaxNameLength).IsRequired();
        builder.Property(h => h.Post).HasMaxLength(ReceptionHost.MaxPostLength).IsRequired();
        builder.Property(h => h.Responsibilities).HasMaxLength(ReceptionHost.MaxResponsibilitiesLength).IsRequired();
    }
}

internal sealed class DeputyStudioConfiguration : IEntityTypeConfiguration<DeputyStudio>
{
    public void Configure(EntityTypeBuilder<DeputyStudio> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(DeputyStudio.MaxNameLength).IsRequired();
        builder.Property(s => s.Address).HasMaxLength(DeputyStudio.MaxAddressLength).IsRequired();
        builder.Property(s => s.Phone).HasMaxLength(DeputyStudio.MaxPhoneLength);
        builder.Property(s => s.ReceptionDays).HasMaxLength(DeputyStudio.MaxReceptionDaysLength).IsRequired();
    }
}

internal sealed class ReceptionSessionConfiguration : IEntityTypeConfiguration<ReceptionSession>
{
    public void Configure(EntityTypeBuilder<ReceptionSession> builder)
    {
        builder.Property(s => s.Address).HasMaxLength(ReceptionSession.MaxAddressLength);
        builder.Property(s => s.Focus).HasMaxLength(ReceptionSession.MaxFocusLength);
        builder.Property(s => s.CancellationReason).HasMaxLength(ReceptionSession.MaxReasonLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.Host).WithMany().HasForeignKey(s => s.HostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Studio).WithMany().HasForeignKey(s => s.StudioId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_ReceptionSessions_Booked", "\"BookedCount\" >= 0 AND \"BookedCount\" <= \"Capacity\"");
            t.HasCheckConstraint("CK_ReceptionSessions_Times", "\"EndsAt\" > \"StartsAt\"");
        });
        builder.HasIndex(s => s.StartsAt);
        builder.HasIndex(s => new { s.HostId, s.StartsAt });
        builder.HasIndex(s => new { s.StudioId, s.StartsAt });
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.Property(a => a.ResidentName).HasMaxLength(Appointment.MaxNameLength).IsRequired();
        builder.Property(a => a.Phone).HasMaxLength(Appointment.MaxPhoneLength).IsRequired();
        builder.Property(a => a.Topic).HasMaxLength(Appointment.MaxTopicLength).IsRequired();
        builder.Property(a => a.ConfirmationCode).HasMaxLength(TrackingCodes.Length).IsRequired();
        builder.HasIndex(a => a.ConfirmationCode).IsUnique();
        // One live booking per phone and session; a cancelled booking does not block booking again.
        builder.HasIndex(a => new { a.SessionId, a.Phone })
            .IsUnique()
            .HasFilter($"\"Status\" = {(int)AppointmentStatus.Booked}");
        builder.HasOne(a => a.Session).WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);
    }
}
