using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class SupervisionAnalysisRecordsAndEvaluation : Migration
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

            migrationBuilder.AddColumn<string>(
                name: "OwnerUserId",
                table: "Pledges",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Score",
                table: "Pledges",
                type: "TEXT",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExtensionCount",
                table: "Opinions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ImportBatchId",
                table: "Opinions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportKey",
                table: "Opinions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImportedSupportCount",
                table: "Opinions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsBranchSecretary",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PartyBranch",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Briefings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GeneratedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GeneratedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Briefings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsWorkingDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "CalendarYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IsProvisional = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarYears", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "DeadlineExtensions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OpinionId = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CurrentDeadline = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestedDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedDeadline = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionComment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadlineExtensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeadlineExtensions_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DeadlineExtensions_Opinions_OpinionId",
                        column: x => x.OpinionId,
                        principalTable: "Opinions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DepartmentDeadlines",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepartmentDeadlines", x => new { x.DepartmentId, x.Kind });
                    table.ForeignKey(
                        name: "FK_DepartmentDeadlines_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HotIssueGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HandledNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    HandledByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    HandledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MergedIntoId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HotIssueGroups", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "OpinionImportBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ImportedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RowsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsImported = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsDuplicate = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsRejected = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpinionImportBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpinionSupports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OpinionId = table.Column<int>(type: "INTEGER", nullable: false),
                    DeviceTokenHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    IpHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    SupportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpinionSupports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpinionSupports_Opinions_OpinionId",
                        column: x => x.OpinionId,
                        principalTable: "Opinions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PledgeAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PledgeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReviewerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PledgeAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PledgeAssessments_Pledges_PledgeId",
                        column: x => x.PledgeId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PledgeEvaluationRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Formula = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PledgeEvaluationRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionNotices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OpinionId = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClearedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClearReason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionNotices_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisionNotices_Opinions_OpinionId",
                        column: x => x.OpinionId,
                        principalTable: "Opinions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HotIssueEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OtherGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HotIssueEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HotIssueEvents_HotIssueGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "HotIssueGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HotIssueMembers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpinionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpinionAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Similarity = table.Column<double>(type: "REAL", nullable: false),
                    IsPinned = table.Column<bool>(type: "INTEGER", nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HotIssueMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HotIssueMembers_HotIssueGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "HotIssueGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HotIssueMembers_Opinions_OpinionId",
                        column: x => x.OpinionId,
                        principalTable: "Opinions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Satisfactions_RatedAt",
                table: "Satisfactions",
                column: "RatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Pledges_OwnerUserId",
                table: "Pledges",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_Dashboard_Completed",
                table: "Opinions",
                columns: new[] { "CompletedAt", "Status", "Deadline", "CreatedAt", "DepartmentId", "Kind", "Channel", "Area" });

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_Dashboard_Received",
                table: "Opinions",
                columns: new[] { "CreatedAt", "DepartmentId", "Kind", "Channel", "Area" });

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_ImportBatchId",
                table: "Opinions",
                column: "ImportBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_ImportKey",
                table: "Opinions",
                column: "ImportKey",
                unique: true,
                filter: "ImportKey IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_RegisteredAt",
                table: "Opinions",
                column: "RegisteredAt");

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_Status_Deadline",
                table: "Opinions",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PartyBranch",
                table: "AspNetUsers",
                column: "PartyBranch");

            migrationBuilder.CreateIndex(
                name: "IX_Briefings_Kind_PeriodStart",
                table: "Briefings",
                columns: new[] { "Kind", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineExtensions_DepartmentId",
                table: "DeadlineExtensions",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineExtensions_OnePending",
                table: "DeadlineExtensions",
                column: "OpinionId",
                unique: true,
                filter: "\"Status\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_DeadlineExtensions_OpinionId_RequestedAt",
                table: "DeadlineExtensions",
                columns: new[] { "OpinionId", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HotIssueEvents_GroupId_OccurredAt",
                table: "HotIssueEvents",
                columns: new[] { "GroupId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HotIssueGroups_LastAt",
                table: "HotIssueGroups",
                column: "LastAt");

            migrationBuilder.CreateIndex(
                name: "IX_HotIssueGroups_Status_LastAt",
                table: "HotIssueGroups",
                columns: new[] { "Status", "LastAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HotIssueMembers_GroupId_OpinionAt",
                table: "HotIssueMembers",
                columns: new[] { "GroupId", "OpinionAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HotIssueMembers_OpinionId",
                table: "HotIssueMembers",
                column: "OpinionId",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_OpinionSupports_IpHash_SupportedAt",
                table: "OpinionSupports",
                columns: new[] { "IpHash", "SupportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OpinionSupports_OpinionId_DeviceTokenHash",
                table: "OpinionSupports",
                columns: new[] { "OpinionId", "DeviceTokenHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PledgeAssessments_PledgeId_Kind_ReviewerUserId",
                table: "PledgeAssessments",
                columns: new[] { "PledgeId", "Kind", "ReviewerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PledgeEvaluationRounds_Year",
                table: "PledgeEvaluationRounds",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotices_ClearedAt",
                table: "SupervisionNotices",
                column: "ClearedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotices_DepartmentId",
                table: "SupervisionNotices",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotices_OpinionId_DepartmentId_Deadline_Level",
                table: "SupervisionNotices",
                columns: new[] { "OpinionId", "DepartmentId", "Deadline", "Level" },
                unique: true);

            // The hot-issue history and interview records are part of the audit trail: append-only in the database too.
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("""
                    CREATE TRIGGER HotIssueEvents_NoUpdate BEFORE UPDATE ON HotIssueEvents
                    BEGIN SELECT RAISE(ABORT, 'The hot-issue history is append-only'); END;
                    """);
                migrationBuilder.Sql("""
                    CREATE TRIGGER HotIssueEvents_NoDelete BEFORE DELETE ON HotIssueEvents
                    BEGIN SELECT RAISE(ABORT, 'The hot-issue history is append-only'); END;
                    """);
                migrationBuilder.Sql("""
                    CREATE TRIGGER InterviewRecords_NoDelete BEFORE DELETE ON InterviewRecords
                    BEGIN SELECT RAISE(ABORT, 'Interview records are append-only'); END;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS HotIssueEvents_NoUpdate;");
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS HotIssueEvents_NoDelete;");
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS InterviewRecords_NoDelete;");
            }

            migrationBuilder.DropTable(
                name: "Briefings");

            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "CalendarYears");

            migrationBuilder.DropTable(
                name: "DeadlineExtensions");

            migrationBuilder.DropTable(
                name: "DepartmentDeadlines");

            migrationBuilder.DropTable(
                name: "HotIssueEvents");

            migrationBuilder.DropTable(
                name: "HotIssueMembers");

            migrationBuilder.DropTable(
                name: "HouseholdVisits");

            migrationBuilder.DropTable(
                name: "InterviewRecords");

            migrationBuilder.DropTable(
                name: "OpinionImportBatches");

            migrationBuilder.DropTable(
                name: "OpinionSupports");

            migrationBuilder.DropTable(
                name: "PledgeAssessments");

            migrationBuilder.DropTable(
                name: "PledgeEvaluationRounds");

            migrationBuilder.DropTable(
                name: "SupervisionNotices");

            migrationBuilder.DropTable(
                name: "HotIssueGroups");

            migrationBuilder.DropIndex(
                name: "IX_Satisfactions_RatedAt",
                table: "Satisfactions");

            migrationBuilder.DropIndex(
                name: "IX_Pledges_OwnerUserId",
                table: "Pledges");

            migrationBuilder.DropIndex(
                name: "IX_Opinions_Dashboard_Completed",
                table: "Opinions");

            migrationBuilder.DropIndex(
                name: "IX_Opinions_Dashboard_Received",
                table: "Opinions");

            migrationBuilder.DropIndex(
                name: "IX_Opinions_ImportBatchId",
                table: "Opinions");

            migrationBuilder.DropIndex(
                name: "IX_Opinions_ImportKey",
                table: "Opinions");

            migrationBuilder.DropIndex(
                name: "IX_Opinions_RegisteredAt",
                table: "Opinions");

            migrationBuilder.DropIndex(
                name: "IX_Opinions_Status_Deadline",
                table: "Opinions");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_PartyBranch",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ShortNoticeReason",
                table: "ReceptionSessions");

            migrationBuilder.DropColumn(
                name: "RequiredVisitsPerYear",
                table: "ReceptionHosts");

            migrationBuilder.DropColumn(
                name: "OwnerUserId",
                table: "Pledges");

            migrationBuilder.DropColumn(
                name: "Score",
                table: "Pledges");

            migrationBuilder.DropColumn(
                name: "ExtensionCount",
                table: "Opinions");

            migrationBuilder.DropColumn(
                name: "ImportBatchId",
                table: "Opinions");

            migrationBuilder.DropColumn(
                name: "ImportKey",
                table: "Opinions");

            migrationBuilder.DropColumn(
                name: "ImportedSupportCount",
                table: "Opinions");

            migrationBuilder.DropColumn(
                name: "IsBranchSecretary",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PartyBranch",
                table: "AspNetUsers");
        }
    }
}
