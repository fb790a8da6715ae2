using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class SecurityAndReliability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "RoutingSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ReceptionHosts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "DeputyStudios",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Departments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "CalendarDays",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The rest of the case file is part of the audit trail too (四单一记录): the answer as the department wrote it
            // (only its public version is set at publication), the residents' ratings, and what was said at an interview
            // (only the link to the opinion made from it is set later). Refused in the database whatever the path.
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("""
                    CREATE TRIGGER HandlingResults_NoUpdate BEFORE UPDATE ON HandlingResults
                    WHEN NEW.Id IS NOT OLD.Id
                        OR NEW.OpinionId IS NOT OLD.OpinionId
                        OR NEW.Round IS NOT OLD.Round
                        OR NEW.ActionsTaken IS NOT OLD.ActionsTaken
                        OR NEW.ReplyText IS NOT OLD.ReplyText
                        OR NEW.Adoption IS NOT OLD.Adoption
                        OR NEW.AdoptionReason IS NOT OLD.AdoptionReason
                        OR NEW.WrittenByUserId IS NOT OLD.WrittenByUserId
                        OR NEW.WrittenByName IS NOT OLD.WrittenByName
                        OR NEW.SignedOffBy IS NOT OLD.SignedOffBy
                        OR NEW.CompletedAt IS NOT OLD.CompletedAt
                    BEGIN SELECT RAISE(ABORT, 'A handling result is append-only: only its public reply may be set'); END;
                    """);
                migrationBuilder.Sql("""
                    CREATE TRIGGER HandlingResults_NoDelete BEFORE DELETE ON HandlingResults
                    BEGIN SELECT RAISE(ABORT, 'A handling result is append-only'); END;
                    """);
                migrationBuilder.Sql("""
                    CREATE TRIGGER Satisfactions_NoUpdate BEFORE UPDATE ON Satisfactions
                    BEGIN SELECT RAISE(ABORT, 'Ratings are append-only'); END;
                    """);
                migrationBuilder.Sql("""
                    CREATE TRIGGER Satisfactions_NoDelete BEFORE DELETE ON Satisfactions
                    BEGIN SELECT RAISE(ABORT, 'Ratings are append-only'); END;
                    """);
                migrationBuilder.Sql("""
                    CREATE TRIGGER InterviewRecords_NoUpdate BEFORE UPDATE ON InterviewRecords
                    WHEN NEW.Id IS NOT OLD.Id
                        OR NEW.SessionId IS NOT OLD.SessionId
                        OR NEW.AppointmentId IS NOT OLD.AppointmentId
                        OR NEW.VisitorName IS NOT OLD.VisitorName
                        OR NEW.VisitorPhone IS NOT OLD.VisitorPhone
                        OR NEW.Issue IS NOT OLD.Issue
                        OR NEW.Instruction IS NOT OLD.Instruction
                        OR NEW.RecordedAt IS NOT OLD.RecordedAt
                        OR NEW.RecordedById IS NOT OLD.RecordedById
                        OR NEW.RecordedByName IS NOT OLD.RecordedByName
                        OR NEW.OpinionSubmissionKey IS NOT OLD.OpinionSubmissionKey
                    BEGIN SELECT RAISE(ABORT, 'Interview records are append-only: only the linked opinion may be set'); END;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                foreach (var trigger in new[] { "HandlingResults_NoUpdate", "HandlingResults_NoDelete", "Satisfactions_NoUpdate", "Satisfactions_NoDelete", "InterviewRecords_NoUpdate" })
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }

            migrationBuilder.DropColumn(
                name: "Version",
                table: "RoutingSettings");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ReceptionHosts");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "DeputyStudios");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "CalendarDays");
        }
    }
}
