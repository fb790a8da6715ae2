using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpinionImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.AddForeignKey(
                name: "FK_Opinions_OpinionImportBatches_ImportBatchId",
                table: "Opinions",
                column: "ImportBatchId",
                principalTable: "OpinionImportBatches",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Opinions_OpinionImportBatches_ImportBatchId",
                table: "Opinions");

            migrationBuilder.DropTable(
                name: "OpinionImportBatches");

            migrationBuilder.DropIndex(
                name: "IX_Opinions_ImportBatchId",
                table: "Opinions");

            migrationBuilder.DropIndex(
                name: "IX_Opinions_ImportKey",
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
        }
    }
}
