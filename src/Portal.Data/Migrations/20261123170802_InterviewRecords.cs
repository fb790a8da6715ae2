using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class InterviewRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ShortNoticeReason",
                table: "ReceptionSessions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RequiredVisitsPerYear",
                table: "ReceptionHosts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "HouseholdVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HostId = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Household = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseholdVisits_ReceptionHosts_HostId",
                        column: x => x.HostId,
                        principalTable: "ReceptionHosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InterviewRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AppointmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    VisitorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    VisitorPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Issue = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Instruction = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OpinionId = table.Column<int>(type: "INTEGER", nullable: true),
                    OpinionLinkedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OpinionSubmissionKey = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterviewRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InterviewRecords_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InterviewRecords_Opinions_OpinionId",
                        column: x => x.OpinionId,
                        principalTable: "Opinions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InterviewRecords_ReceptionSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "ReceptionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdVisits_HostId_VisitedOn",
                table: "HouseholdVisits",
                columns: new[] { "HostId", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InterviewRecords_AppointmentId",
                table: "InterviewRecords",
                column: "AppointmentId",
                unique: true,
                filter: "\"AppointmentId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InterviewRecords_OpinionId",
                table: "InterviewRecords",
                column: "OpinionId",
                unique: true,
                filter: "\"OpinionId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InterviewRecords_OpinionSubmissionKey",
                table: "InterviewRecords",
                column: "OpinionSubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InterviewRecords_SessionId",
                table: "InterviewRecords",
                column: "SessionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HouseholdVisits");

            migrationBuilder.DropTable(
                name: "InterviewRecords");

            migrationBuilder.DropColumn(
                name: "ShortNoticeReason",
                table: "ReceptionSessions");

            migrationBuilder.DropColumn(
                name: "RequiredVisitsPerYear",
                table: "ReceptionHosts");
        }
    }
}
