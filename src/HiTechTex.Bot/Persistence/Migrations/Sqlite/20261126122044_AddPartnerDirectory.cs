using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiTechTex.Bot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPartnerDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PartnerChangeCounter",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerChangeCounter", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerIntroductions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequesterKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequesterAadObjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequesterOrganisation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RequesterLanguage = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RequesterConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    OrganisationId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AddresseesJson = table.Column<string>(type: "TEXT", nullable: false),
                    CardsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerIntroductions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PartnerOrganisations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DescriptionLanguage = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CapabilitiesJson = table.Column<string>(type: "TEXT", nullable: false),
                    StagesJson = table.Column<string>(type: "TEXT", nullable: false),
                    ServicesJson = table.Column<string>(type: "TEXT", nullable: false),
                    LanguagesJson = table.Column<string>(type: "TEXT", nullable: false),
                    ClusterId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ListingConsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastUpdated = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDeleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedSeq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerOrganisations", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "PartnerChangeCounter",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerIntroductions_RequesterKey_CreatedAt",
                table: "PartnerIntroductions",
                columns: new[] { "RequesterKey", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerOrganisations_ClusterId",
                table: "PartnerOrganisations",
                column: "ClusterId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerOrganisations_UpdatedSeq",
                table: "PartnerOrganisations",
                column: "UpdatedSeq");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PartnerChangeCounter");

            migrationBuilder.DropTable(
                name: "PartnerIntroductions");

            migrationBuilder.DropTable(
                name: "PartnerOrganisations");
        }
    }
}
