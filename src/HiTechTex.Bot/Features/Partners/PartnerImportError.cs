namespace HiTechTex.Bot.Features.Partners;

/// <summary>A rejected row of an import file: the line it starts on (1-based) and why.</summary>
public sealed record PartnerImportError(int Line, string Reason)
{
    public override string ToString() => $"line {Line}: {Reason}";
}
