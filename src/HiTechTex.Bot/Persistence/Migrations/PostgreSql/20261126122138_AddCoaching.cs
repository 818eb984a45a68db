using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HiTechTex.Bot.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddCoaching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CoachingOutbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Lane = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<long>(type: "bigint", nullable: false),
                    ClaimedUntil = table.Column<long>(type: "bigint", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CompletedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingOutbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoachingSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Topic = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Trainer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    StartsAt = table.Column<long>(type: "bigint", nullable: false),
                    EndsAt = table.Column<long>(type: "bigint", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RegistrationOpensAt = table.Column<long>(type: "bigint", nullable: false),
                    RegistrationClosesAt = table.Column<long>(type: "bigint", nullable: false),
                    OrganizerMailbox = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NextSequence = table.Column<long>(type: "bigint", nullable: false),
                    GraphEventId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    JoinUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    SyncState = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SyncError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoachingRegistrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserAadObjectId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    RegisteredAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoachingRegistrations_CoachingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CoachingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoachingReminderClaims",
                columns: table => new
                {
                    RegistrationId = table.Column<Guid>(type: "uuid", nullable: false),
                    MinutesBefore = table.Column<int>(type: "integer", nullable: false),
                    ClaimedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingReminderClaims", x => new { x.RegistrationId, x.MinutesBefore });
                    table.ForeignKey(
                        name: "FK_CoachingReminderClaims_CoachingRegistrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "CoachingRegistrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoachingOutbox_SessionId_Lane_Status",
                table: "CoachingOutbox",
                columns: new[] { "SessionId", "Lane", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CoachingOutbox_Status_DueAt",
                table: "CoachingOutbox",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CoachingRegistrations_SessionId_Sequence",
                table: "CoachingRegistrations",
                columns: new[] { "SessionId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoachingRegistrations_SessionId_UserAadObjectId",
                table: "CoachingRegistrations",
                columns: new[] { "SessionId", "UserAadObjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoachingRegistrations_UserAadObjectId",
                table: "CoachingRegistrations",
                column: "UserAadObjectId");

            migrationBuilder.CreateIndex(
                name: "IX_CoachingSessions_StartsAt",
                table: "CoachingSessions",
                column: "StartsAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoachingOutbox");

            migrationBuilder.DropTable(
                name: "CoachingReminderClaims");

            migrationBuilder.DropTable(
                name: "CoachingRegistrations");

            migrationBuilder.DropTable(
                name: "CoachingSessions");
        }
    }
}
