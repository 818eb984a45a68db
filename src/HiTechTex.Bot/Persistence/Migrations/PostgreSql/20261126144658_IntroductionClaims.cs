using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiTechTex.Bot.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class IntroductionClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DailySlotKey",
                table: "PartnerIntroductions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingKey",
                table: "PartnerIntroductions",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerIntroductions_DailySlotKey",
                table: "PartnerIntroductions",
                column: "DailySlotKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnerIntroductions_PendingKey",
                table: "PartnerIntroductions",
                column: "PendingKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PartnerIntroductions_DailySlotKey",
                table: "PartnerIntroductions");

            migrationBuilder.DropIndex(
                name: "IX_PartnerIntroductions_PendingKey",
                table: "PartnerIntroductions");

            migrationBuilder.DropColumn(
                name: "DailySlotKey",
                table: "PartnerIntroductions");

            migrationBuilder.DropColumn(
                name: "PendingKey",
                table: "PartnerIntroductions");
        }
    }
}
