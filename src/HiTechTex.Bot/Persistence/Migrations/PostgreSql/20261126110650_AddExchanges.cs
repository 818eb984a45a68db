using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HiTechTex.Bot.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddExchanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Exchanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    VisitingOrganisationId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    HostOrganisationId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ApplicantAadObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ApplicantUserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ApplicantLanguage = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ApplicantConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ActivityType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Objectives = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Agenda = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ExpectedOutcomes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    AssignedApproverAadObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StatusChangedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    LumpSum = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    ReportOutcomes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ReportEvidence = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReportRequestedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Exchanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeAuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExchangeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ActorAadObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ToStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeAuditEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExchangeAuditEntries_Exchanges_ExchangeId",
                        column: x => x.ExchangeId,
                        principalTable: "Exchanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeCards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExchangeId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientAadObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ActivityId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SentAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeCards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExchangeCards_Exchanges_ExchangeId",
                        column: x => x.ExchangeId,
                        principalTable: "Exchanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExchangeReminders",
                columns: table => new
                {
                    ExchangeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecipientAadObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SentAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeReminders", x => new { x.ExchangeId, x.Kind, x.RecipientAadObjectId });
                    table.ForeignKey(
                        name: "FK_ExchangeReminders_Exchanges_ExchangeId",
                        column: x => x.ExchangeId,
                        principalTable: "Exchanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeAuditEntries_ExchangeId_Version",
                table: "ExchangeAuditEntries",
                columns: new[] { "ExchangeId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeCards_ExchangeId_ConversationId_ActivityId",
                table: "ExchangeCards",
                columns: new[] { "ExchangeId", "ConversationId", "ActivityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Exchanges_ApplicantAadObjectId",
                table: "Exchanges",
                column: "ApplicantAadObjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Exchanges_Reference",
                table: "Exchanges",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Exchanges_Status",
                table: "Exchanges",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Exchanges_VisitingOrganisationId",
                table: "Exchanges",
                column: "VisitingOrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExchangeAuditEntries");

            migrationBuilder.DropTable(
                name: "ExchangeCards");

            migrationBuilder.DropTable(
                name: "ExchangeReminders");

            migrationBuilder.DropTable(
                name: "Exchanges");
        }
    }
}
