using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class HotIssues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_OpinionSupports_IpHash_SupportedAt",
                table: "OpinionSupports",
                columns: new[] { "IpHash", "SupportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OpinionSupports_OpinionId_DeviceTokenHash",
                table: "OpinionSupports",
                columns: new[] { "OpinionId", "DeviceTokenHash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HotIssueEvents");

            migrationBuilder.DropTable(
                name: "HotIssueMembers");

            migrationBuilder.DropTable(
                name: "OpinionSupports");

            migrationBuilder.DropTable(
                name: "HotIssueGroups");
        }
    }
}
