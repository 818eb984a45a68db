using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiTechTex.Bot.Persistence.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Lane = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingOutbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoachingSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Trainer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RegistrationOpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegistrationClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OrganizerMailbox = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NextSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    GraphEventId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    JoinUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    SyncState = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SyncError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoachingSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoachingRegistrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserAadObjectId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MinutesBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
