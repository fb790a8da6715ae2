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
        builder.Property(h => h.Version).IsConcurrencyToken();
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
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class ReceptionSessionConfiguration : IEntityTypeConfiguration<ReceptionSession>
{
    public void Configure(EntityTypeBuilder<ReceptionSession> builder)
    {
        builder.Property(s => s.Address).HasMaxLength(ReceptionSession.MaxAddressLength);
        builder.Property(s => s.Focus).HasMaxLength(ReceptionSession.MaxFocusLength);
        builder.Property(s => s.CancellationReason).HasMaxLength(ReceptionSession.MaxReasonLength);
        builder.Property(s => s.ShortNoticeReason).HasMaxLength(ReceptionSession.MaxReasonLength);
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

internal sealed class InterviewRecordConfiguration : IEntityTypeConfiguration<InterviewRecord>
{
    public void Configure(EntityTypeBuilder<InterviewRecord> builder)
    {
        builder.Property(r => r.VisitorName).HasMaxLength(InterviewRecord.MaxNameLength).IsRequired();
        builder.Property(r => r.VisitorPhone).HasMaxLength(InterviewRecord.MaxPhoneLength);
        builder.Property(r => r.Issue).HasMaxLength(InterviewRecord.MaxIssueLength).IsRequired();
        builder.Property(r => r.Instruction).HasMaxLength(InterviewRecord.MaxInstructionLength);
        builder.Property(r => r.RecordedById).HasMaxLength(450).IsRequired();
        builder.Property(r => r.RecordedByName).HasMaxLength(Opinion.MaxNameLength).IsRequired();
        builder.HasOne(r => r.Session).WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Appointment>().WithMany().HasForeignKey(r => r.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Opinion>().WithMany().HasForeignKey(r => r.OpinionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.SessionId);
        // One record per booking, one record per opinion, one opinion per record.
        builder.HasIndex(r => r.AppointmentId).IsUnique().HasFilter("\"AppointmentId\" IS NOT NULL");
        builder.HasIndex(r => r.OpinionId).IsUnique().HasFilter("\"OpinionId\" IS NOT NULL");
        builder.HasIndex(r => r.OpinionSubmissionKey).IsUnique();
    }
}

internal sealed class HouseholdVisitConfiguration : IEntityTypeConfiguration<HouseholdVisit>
{
    public void Configure(EntityTypeBuilder<HouseholdVisit> builder)
    {
        builder.Property(v => v.Household).HasMaxLength(HouseholdVisit.MaxHouseholdLength).IsRequired();
        builder.Property(v => v.Summary).HasMaxLength(HouseholdVisit.MaxSummaryLength).IsRequired();
        builder.Property(v => v.RecordedById).HasMaxLength(450).IsRequired();
        builder.Property(v => v.RecordedByName).HasMaxLength(Opinion.MaxNameLength).IsRequired();
        builder.HasOne(v => v.Host).WithMany().HasForeignKey(v => v.HostId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.HostId, v.VisitedOn });
    }
}
