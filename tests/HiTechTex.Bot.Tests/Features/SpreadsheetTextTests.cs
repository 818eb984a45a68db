using HiTechTex.Bot.Features;

namespace HiTechTex.Bot.Tests.Features;

/// <summary>The one rule both CSV exports use against spreadsheet formulas, and its exact reverse for the partner import.</summary>
public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")")]
    [InlineData("+351 253 000 000", "'+351 253 000 000")]
    [InlineData("-50% waste", "'-50% waste")]
    [InlineData("@Home Têxteis", "'@Home Têxteis")]
    [InlineData("'=already", "''=already")]
    [InlineData("-8.4", "-8.4")]
    [InlineData("-1.5E-05", "-1.5E-05")]
    [InlineData("'s-Hertogenbosch", "'s-Hertogenbosch")]
    [InlineData("Têxteis", "Têxteis")]
    [InlineData("", "")]
    public void Neutralise_Field_PrefixedOnlyWhenASpreadsheetWouldRunIt(string value, string written) =>
        Assert.Equal(written, SpreadsheetText.Neutralise(value));

    [Theory]
    [InlineData("=HYPERLINK(\"x\")")]
    [InlineData("'=already")]
    [InlineData("''@x")]
    [InlineData("'s-Hertogenbosch")]
    [InlineData("'")]
    [InlineData("-8.4")]
    [InlineData("Plain")]
    public void Restore_NeutralisedField_GivesBackTheOriginal(string value) =>
        Assert.Equal(value, SpreadsheetText.Restore(SpreadsheetText.Neutralise(value)));
}
